// A postMessage channel that speaks the jschannel dialect SMART Connect is defined by (protocol.md
// §1.2), for both ends of the connection. The npm `jschannel` package is a later fork whose
// `__ready` handshake carries "publish" objects instead of the "ping"/"pong" strings that
// smart-api-client.js 0.4–0.6.1 sends and expects, so it cannot talk to the original client.
//
// Wire format: every message is a JSON string. Requests {id, method: "<scope>::name", params},
// responses {id, result}, errors {id, error, message}, notifications {method, params}. A side is
// ready after the first `__ready` it receives; it answers a "ping" with a "pong". Until then,
// outgoing messages are queued.

// One id counter per page, starting at a random point, as jschannel did; ids are never 0.
let nextId = Math.floor(Math.random() * 1_000_000) + 1;

const channels = new Set();
let listening = false;

function dispatch(event) {
  let message;
  try {
    message = typeof event.data === 'string' ? JSON.parse(event.data) : null;
  } catch {
    return;
  }
  if (!message || typeof message !== 'object') return;
  for (const channel of channels) channel.receive(event, message);
}

/**
 * @param {{window: Window, origin: string, scope: string}} config  the remote window, its origin
 *   ('*' accepts any, which only an app talking to its parent may use) and the channel scope.
 */
export function buildChannel(config) {
  const { window: remote, origin, scope } = config;
  if (!remote || remote === window) throw new Error('a channel needs another window');
  const prefix = `${scope}::`;
  const handlers = new Map();
  const outstanding = new Map();
  const queue = [];
  let ready = false;
  let destroyed = false;

  const post = (message) => {
    if (destroyed) return;
    if (!ready && message.method !== `${prefix}__ready`) {
      queue.push(message);
      return;
    }
    remote.postMessage(JSON.stringify(message), origin);
  };

  const becomeReady = () => {
    if (ready) return;
    ready = true;
    while (queue.length > 0) remote.postMessage(JSON.stringify(queue.shift()), origin);
  };

  const channel = {
    scope,
    bind(method, handler) {
      handlers.set(method, handler);
      return channel;
    },
    unbind(method) {
      handlers.delete(method);
      return channel;
    },
    /** call({method, params, success, error}) */
    call({ method, params, success, error }) {
      const id = nextId++;
      outstanding.set(id, { success, error });
      post({ id, method: prefix + method, params });
    },
    notify({ method, params }) {
      post({ method: prefix + method, params });
    },
    destroy() {
      destroyed = true;
      channels.delete(channel);
    },
    receive(event, message) {
      if (destroyed || event.source !== remote) return;
      if (origin !== '*' && event.origin !== origin) return;
      if (typeof message.method === 'string') {
        if (!message.method.startsWith(prefix)) return;
        const name = message.method.slice(prefix.length);
        if (name === '__ready') return handshake(message.params);
        if (message.id !== undefined) return request(message.id, name, message.params);
        const handler = handlers.get(name);
        if (handler) handler(transaction(null), message.params);
        return;
      }
      if (message.id !== undefined && outstanding.has(message.id)) {
        const pending = outstanding.get(message.id);
        outstanding.delete(message.id);
        if ('error' in message) pending.error?.(message.error, message.message);
        else pending.success?.(message.result);
      }
    },
  };

  function handshake(params) {
    if (ready) return;
    // The original dialect answers "ping" with "pong"; the npm fork sends objects and wants a
    // publish-reply. Both count as the peer being there.
    if (params === 'ping') remote.postMessage(JSON.stringify({ method: `${prefix}__ready`, params: 'pong' }), origin);
    else if (params && typeof params === 'object' && params.type === 'publish-request') {
      remote.postMessage(JSON.stringify({ method: `${prefix}__ready`, params: { type: 'publish-reply', publish: [] } }), origin);
    }
    becomeReady();
  }

  function transaction(id) {
    let delayed = false;
    let done = false;
    const finish = (message) => {
      if (done || id === null) return;
      done = true;
      post({ id, ...message });
    };
    return {
      delayReturn(value) {
        delayed = value !== false;
      },
      complete(result) {
        finish({ result });
      },
      error(code, message) {
        finish({ error: code, message });
      },
      get delayed() {
        return delayed;
      },
    };
  }

  function request(id, name, params) {
    const handler = handlers.get(name);
    const trans = transaction(id);
    if (!handler) return trans.error('method_not_found', `No method "${name}" is bound on this channel.`);
    try {
      const result = handler(trans, params);
      if (!trans.delayed) trans.complete(result);
    } catch (err) {
      if (Array.isArray(err) && err.length === 2) trans.error(err[0], err[1]);
      else trans.error('runtime_error', String(err?.message ?? err));
    }
  }

  channels.add(channel);
  if (!listening) {
    window.addEventListener('message', dispatch);
    listening = true;
  }
  // Like jschannel, announce ourselves once the current task is done (forced: sent even unready).
  setTimeout(() => post({ method: `${prefix}__ready`, params: 'ping' }), 0);
  return channel;
}
