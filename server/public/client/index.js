// smart-api-client.js for SMART Sandbox: the app side of SMART Connect (protocol.md §1, §6),
// written from scratch and compatible with apps written for the original 0.6.1 client.
// Bundled by scripts/build-client.mjs with its dependencies into one script that defines
// window.SMART (and no global $).
import calls from 'smart:calls';
import context from 'smart:context';
import { buildChannel } from '../connect/channel.js';
import { deferred } from './deferred.js';
import { objectify } from './objectify.js';
import { graphOf, parseRdfXml } from './rdf.js';

const FAIL_AFTER_MS = 5000;

function createClient() {
  const readyCallbacks = [];
  const failCallbacks = [];
  const handlers = new Map();
  let channel = null;
  let isReady = false;
  let failed = false;
  let failTimer = null;

  const SMART = {
    version: '0.6.1-smart-sandbox',
    jsonld_context: context,
    ready(callback) {
      if (typeof callback === 'function') {
        if (isReady) callback.call(SMART);
        else readyCallbacks.push(callback);
      }
      return SMART;
    },
    fail(callback) {
      if (typeof callback === 'function') {
        if (failed) {
          clearTimeout(failTimer);
          callback.call(SMART);
        } else failCallbacks.push(callback);
      }
      return SMART;
    },
    /** Turns an RDF/XML body into {graph, objects}; rejects on unparsable data or repeated single terms. */
    async process_rdf(contentType, body) {
      const store = await parseRdfXml(body);
      return { graph: graphOf(store), objects: objectify(store, context) };
    },
    objectify: (graph) => objectify(graph.store ?? graph, context),
    api_call(options, success, error) {
      const request = { func: options.url, method: options.method || 'GET', params: options.data ?? {}, contentType: options.contentType || 'application/x-www-form-urlencoded' };
      const promise = deferred((resolve, reject) => {
        if (!channel) return reject({ status: 0, message: 'SMART is not ready: call the API inside SMART.ready(...)' });
        channel.call({
          method: 'api_call',
          params: request,
          success: (result) => respond(result).then(resolve, reject),
          error: (status, message) => reject({ status, message }),
        });
      });
      if (success) promise.success(success);
      if (error) promise.error(error);
      return promise;
    },
  };

  /** The response object of a successful call: {status, body, contentType} plus json or graph/objects. */
  async function respond(result) {
    const contentType = String(result.contentType || '').split(';')[0].trim();
    const response = { status: undefined, body: result.data, contentType };
    if (contentType === 'application/json') response.json = JSON.parse(result.data);
    if (contentType === 'application/rdf+xml') {
      try {
        Object.assign(response, await SMART.process_rdf(contentType, result.data));
      } catch (err) {
        throw { status: undefined, message: String(err.message ?? err) };
      }
    }
    return response;
  }

  // The generated wrappers: one per API call of the ontology, with its path template and
  // declared query parameters (protocol.md §6.1).
  for (const call of calls) {
    SMART[call.name] = function (params = {}) {
      const values = { record_id: SMART.record?.id, user_id: SMART.user?.id, smart_app_id: SMART.manifest?.id, ...params };
      const path = call.path.replace(/\{(\w+)\}/g, (_, name) => {
        if (values[name] === undefined) throw new Error(`${call.name} needs ${name}`);
        return encodeURIComponent(values[name]).replace(/%2F/g, '/');
      });
      const data = {};
      for (const name of call.parameters) if (params[name] !== undefined) data[name] = params[name];
      const write = call.method === 'PUT' || call.method === 'POST';
      return SMART.api_call({ url: path, method: call.method, data: write ? params.data ?? '' : data, ...(write ? { contentType: params.contentType || 'text/plain' } : {}) });
    };
  }

  function installModeMethods(mode) {
    SMART.call_app = (manifest, readyData, callback) =>
      deferred((resolve, reject) =>
        channel.call({ method: 'call_app', params: { manifest, ready_data: readyData }, success: (r) => (callback?.(r), resolve(r)), error: (status, message) => reject({ status, message }) }),
      );
    SMART.complete = (data) => channel.notify({ method: 'return', params: data });
    if (mode === 'frame_ui') {
      SMART.launch_app_delegated = (instance, callback) =>
        deferred((resolve, reject) => channel.call({ method: 'launch_app_delegated', params: instance, success: (r) => (callback?.(r), resolve(r)), error: (s, m) => reject({ status: s, message: m }) }));
      SMART.api_call_delegated = (appInstance, callInfo, callback) =>
        deferred((resolve, reject) =>
          channel.call({ method: 'api_call_delegated', params: { app_instance: appInstance, call_info: callInfo }, success: (r) => (callback?.(r), resolve(r)), error: (s, m) => reject({ status: s, message: m }) }),
        );
      SMART.PATIENTS_get = () => SMART.search_records();
    }
  }

  function received(uuid) {
    channel?.destroy();
    channel = buildChannel({ window: window.parent, origin: '*', scope: uuid });
    SMART.uuid = uuid;
    SMART.on = (name, callback) => {
      handlers.set(name, callback);
      channel.bind(name, (_trans, params) => handlers.get(name)?.(params));
    };
    SMART.off = (name) => {
      handlers.delete(name);
      channel.unbind(name);
    };
    SMART.notify_host = (name, params) => channel.notify({ method: name, params });
    channel.bind('ready', (_trans, message) => {
      clearTimeout(failTimer);
      SMART.context = message.context;
      SMART.user = message.context?.user;
      SMART.record = message.context?.record;
      SMART.manifest = message.manifest;
      SMART.ready_data = message.ready_data;
      SMART.credentials = message.credentials;
      installModeMethods(message.manifest?.mode);
      isReady = true;
      failed = false;
      for (const callback of readyCallbacks.splice(0)) callback.call(SMART);
      return true;
    });
  }

  const fail = () => {
    if (isReady || failed) return;
    failed = true;
    for (const callback of failCallbacks.splice(0)) callback.call(SMART);
  };

  if (window.top === window.self) {
    // Not inside a container: nothing to talk to.
    setTimeout(fail, 0);
  } else {
    const listener = (event) => {
      if (event.source !== window.parent) return;
      const m = /^"app_instance_uuid=(.*)"$/.exec(typeof event.data === 'string' ? event.data : '');
      if (!m) return;
      window.removeEventListener('message', listener);
      received(m[1]);
    };
    window.addEventListener('message', listener);
    window.parent.postMessage('"procure_channel"', '*');
    failTimer = setTimeout(fail, FAIL_AFTER_MS);
  }
  return SMART;
}

window.SMART = createClient();
