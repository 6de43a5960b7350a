// The SMART Connect host (protocol.md §1): the container side of the postMessage protocol that
// smart-api-client.js speaks. The jschannel wire format comes from ../connect/channel.js; this
// module adds the SMART handshake, the channel methods per app mode, and the lifecycle
// notifications.
//
// Security: a "procure_channel" request is honoured only from the iframe of a launched app and
// from that app's origin; the channel itself accepts messages only from that window and origin
// (jschannel checks both), and we post only to that origin.

import { buildChannel } from '../connect/channel.js';

/** Origin of an absolute URL, normalized (lower case, default port dropped) as browsers report it. */
export function originOf(url) {
  return new URL(url).origin;
}

/** Upper-case RFC 4122 v4 UUID, as the reference container generated them. */
export function newUuid() {
  return crypto.randomUUID().toUpperCase();
}

export class ConnectHost {
  /**
   * @param {object} options
   * @param {HTMLElement} options.holder      element the app iframes go in
   * @param {(appId: string, recordId: string | undefined, uuid: string) => Promise<object>} options.launch  launch: {manifest, context, credentials, launchUrl}
   * @param {(instance: object, call: object) => Promise<{ok: boolean, status: number, contentType: string, data: string}>} options.apiCall
   * @param {(instance: object) => void} [options.onChange]  called when instances are shown, hidden or destroyed
   * @param {boolean} [options.exclusive]  show one app at a time (the EMR); false lays apps out side by side (a frame_ui app)
   */
  constructor(options) {
    this.holder = options.holder;
    this.exclusive = options.exclusive !== false;
    this.launchOnServer = options.launch;
    this.apiCall = options.apiCall;
    this.onChange = options.onChange ?? (() => {});
    /** uuid → instance */
    this.instances = new Map();
    /** Launch timings, for tests and benchmarks: iframe creation → ready answered. */
    this.timings = [];
    window.addEventListener('message', (event) => this.receive(event));
  }

  receive(event) {
    if (event.data !== '"procure_channel"') return;
    const instance = [...this.instances.values()].find((i) => i.iframe.contentWindow === event.source);
    // Unknown windows and foreign origins get no channel and no uuid.
    if (!instance || event.origin !== instance.origin) return;
    this.bindChannel(instance);
    event.source.postMessage(JSON.stringify(`app_instance_uuid=${instance.uuid}`), instance.origin);
  }

  /** Launches an app (server-side tokens), creates its iframe and shows it. */
  async launch(appId, recordId, extra = {}) {
    const uuid = newUuid();
    const launch = await this.launchOnServer(appId, recordId, uuid);
    const iframe = document.createElement('iframe');
    iframe.id = `app_content_iframe_${uuid}`;
    iframe.className = 'activity_iframe';
    iframe.setAttribute('title', launch.manifest.name);
    const instance = {
      uuid,
      appId,
      manifest: launch.manifest,
      context: launch.context,
      credentials: launch.credentials,
      launchUrl: launch.launchUrl,
      origin: originOf(launch.launchUrl),
      iframe,
      channel: null,
      ready: false,
      readyData: extra.readyData,
      launchedBy: extra.launchedBy ?? null,
      onReturn: extra.onReturn ?? null,
      delegated: new Map(),
      createdAt: performance.now(),
    };
    this.instances.set(uuid, instance);
    iframe.src = 'about:blank';
    (extra.holder ?? this.holder).appendChild(iframe);
    iframe.src = launch.launchUrl;
    this.show(instance);
    return instance;
  }

  readyMessage(instance) {
    const message = {
      context: instance.context,
      uuid: instance.uuid,
      manifest: instance.manifest,
      // 0.4/0.5 clients read credentials from the ready message; 0.6 clients ignore it.
      credentials: instance.credentials,
    };
    if (instance.readyData !== undefined) message.ready_data = instance.readyData;
    return message;
  }

  bindChannel(instance) {
    if (instance.channel) {
      try {
        instance.channel.destroy();
      } catch {
        // The old page is gone; nothing to tear down.
      }
    }
    const channel = buildChannel({ window: instance.iframe.contentWindow, origin: instance.origin, scope: instance.uuid });
    instance.channel = channel;
    const mode = instance.manifest.mode;
    channel.bind('api_call', (trans, call) => this.answer(trans, instance, call));
    if (mode === 'ui') {
      channel.bind('call_app', (trans, params) => {
        trans.delayReturn(true);
        this.callApp(instance, params.manifest, params.ready_data, (data) => trans.complete(data)).catch((err) => trans.error('call_app_failed', String(err.message ?? err)));
      });
      channel.bind('return', (_trans, data) => this.receiveReturn(instance, data));
    }
    if (mode === 'frame_ui') {
      channel.bind('launch_app_delegated', (trans, inner) => {
        trans.delayReturn(true);
        this.launchDelegated(instance, inner).then((result) => trans.complete(result), (err) => trans.error('launch_failed', String(err.message ?? err)));
      });
      channel.bind('api_call_delegated', (trans, params) => {
        const inner = params.app_instance ?? {};
        // The 0.6 client no longer sends credentials; delegated calls are keyed by the inner uuid.
        const credentials = instance.delegated.get(inner.uuid) ?? inner.credentials;
        if (!credentials) return trans.error(403, { contentType: 'text/plain', data: `No delegated launch for app instance ${inner.uuid}.` });
        this.answer(trans, { ...inner, credentials }, params.call_info ?? {});
      });
    }
    channel.bind('request_fullscreen', () => instance.iframe.classList.add('fullscreen'));
    channel.call({
      method: 'ready',
      params: this.readyMessage(instance),
      success: () => {
        instance.ready = true;
        this.timings.push({ appId: instance.appId, uuid: instance.uuid, ms: performance.now() - instance.createdAt });
        this.onChange(instance);
      },
      error: () => {},
    });
  }

  answer(trans, instance, call) {
    trans.delayReturn(true);
    this.apiCall(instance, call).then(
      (r) => (r.ok ? trans.complete({ contentType: r.contentType, data: r.data }) : trans.error(r.status, { contentType: r.contentType, data: r.data })),
      (err) => trans.error(0, { contentType: 'text/plain', data: String(err.message ?? err) }),
    );
  }

  async callApp(caller, manifest, readyData, complete) {
    const recordId = caller.context.record?.id;
    await this.launch(manifest.id, recordId, { readyData, launchedBy: caller, onReturn: complete });
  }

  receiveReturn(callee, data) {
    const caller = callee.launchedBy;
    callee.onReturn?.(data);
    this.destroy(callee);
    if (caller && this.instances.has(caller.uuid)) this.show(caller);
  }

  async launchDelegated(frame, inner) {
    const recordId = inner.context?.record?.id ?? frame.context.record?.id;
    const launch = await this.launchOnServer(inner.manifest.id, recordId);
    frame.delegated.set(inner.uuid, launch.credentials);
    return { ...inner, api_base: launch.credentials.api_base, credentials: launch.credentials };
  }

  notify(instance, method) {
    if (!instance.channel) return;
    try {
      instance.channel.notify({ method });
    } catch {
      // A channel whose page navigated away cannot be notified; the next procure rebinds it.
    }
  }

  /** Shows one instance; the previously shown one is hidden and told it went to the background. */
  show(instance) {
    for (const other of this.exclusive ? this.instances.values() : []) {
      if (other !== instance && !other.iframe.hidden) {
        other.iframe.hidden = true;
        this.notify(other, 'backgrounded');
      }
    }
    const wasHidden = instance.iframe.hidden;
    instance.iframe.hidden = false;
    if (wasHidden) this.notify(instance, 'foregrounded');
    this.shown = instance;
    this.onChange(instance);
  }

  destroy(instance) {
    this.notify(instance, 'destroyed');
    try {
      instance.channel?.destroy();
    } catch {
      // already gone
    }
    // Hidden at once, removed a moment later so the app can still process "destroyed".
    instance.iframe.hidden = true;
    setTimeout(() => instance.iframe.remove(), 250);
    this.instances.delete(instance.uuid);
    if (this.shown === instance) this.shown = null;
    this.onChange(instance);
  }

  /** Patient change: every record-scoped instance goes (protocol.md §2.2). */
  destroyRecordScoped() {
    for (const instance of [...this.instances.values()]) if ((instance.manifest.scope ?? 'record') === 'record') this.destroy(instance);
  }

  running(appId) {
    return [...this.instances.values()].find((i) => i.appId === appId && !i.launchedBy);
  }
}
