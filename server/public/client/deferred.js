// The promise-like responses of smart-api-client.js: a real Promise with the jQuery Deferred
// aliases the original client's apps use (`.success`/`.error`, `.done`/`.fail`), each returning the
// same object so calls chain as they did.
export function deferred(executor) {
  const promise = new Promise(executor);
  // An unhandled rejection is the app's business; keep the console quiet like jQuery did.
  promise.catch(() => {});
  const chainable = (method) =>
    function (callback) {
      if (typeof callback === 'function') promise[method === 'done' ? 'then' : 'catch']((value) => (method === 'done' ? callback(value) : callback(value)));
      return this;
    };
  promise.done = chainable('done');
  promise.success = promise.done;
  promise.fail = chainable('fail');
  promise.error = promise.fail;
  return promise;
}
