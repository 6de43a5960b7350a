// The EMR page: patient picker, banner, app dock, chart tab, and app launching through the SMART
// Connect host. Everything user- or app-provided is inserted as text (textContent), never as HTML.
import { ConnectHost } from './container.js';
import { renderChart } from './chart.js';

const config = JSON.parse(document.getElementById('emr-config').textContent);
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
};

const state = { patients: [], patient: null, shownAppId: null, tab: 'apps', activeIndex: -1 };
const STORAGE_KEY = 'smart-sandbox:patient';

async function json(url, options = {}) {
  const res = await fetch(url, { credentials: 'same-origin', ...options, headers: { 'X-CSRF-Token': config.csrf, ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...options.headers } });
  if (res.status === 401) {
    window.location.href = `/login?return_url=${encodeURIComponent(window.location.pathname + window.location.search)}`;
    throw new Error('session ended');
  }
  if (!res.ok) throw new Error(await res.text());
  return res.json();
}

// --- SMART Connect ---------------------------------------------------------------------------------

/** Runs an app's api_call against the REST API with its connect token (same rules as REST). */
async function apiCall(instance, call) {
  const connectToken = instance.credentials.connect_token;
  const method = String(call.method || 'GET').toUpperCase();
  let url = `${config.apiBase}${call.func}`;
  const headers = { Authorization: `OAuth smart_connect_token="${encodeURIComponent(connectToken)}"` };
  let body;
  const params = call.params;
  if (method === 'GET' || method === 'DELETE') {
    const query = typeof params === 'string' ? params : params && typeof params === 'object' ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)])).toString() : '';
    if (query) url += (url.includes('?') ? '&' : '?') + query;
  } else if (typeof params === 'string') {
    body = params;
    headers['Content-Type'] = call.contentType || 'application/x-www-form-urlencoded';
  } else if (params && typeof params === 'object') {
    body = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const res = await fetch(url, { method, headers, body, credentials: 'same-origin' });
  const contentType = (res.headers.get('content-type') || '').split(';')[0].trim();
  return { ok: res.ok, status: res.status, contentType, data: await res.text() };
}

const host = new ConnectHost({
  holder: $('app_content_iframe_holder'),
  launch: (appId, recordId) => json('/emr/launches', { method: 'POST', body: JSON.stringify({ app_id: appId, record_id: recordId }) }),
  apiCall,
  onChange: () => renderDock(),
});
// Exposed for tests and benchmarks (launch timings, running instances).
window.__smartSandbox = { host, state };

// --- patients ----------------------------------------------------------------------------------------

function patientLabel(p) {
  return `${p.givenName} ${p.familyName}`;
}

async function loadPatients(query = '') {
  const result = await json(`/emr/patients?q=${encodeURIComponent(query)}`);
  state.patients = result.rows;
  state.activeIndex = -1;
  $('patient-count').textContent = query ? `${result.total} of ${config.patientCount} patients` : `${result.total} patients`;
  renderPatients();
}

function renderPatients() {
  const list = $('patient-list');
  list.replaceChildren(
    ...state.patients.map((p, i) =>
      el(
        'li',
        { role: 'option', id: `patient-${p.id}`, dataset: { id: p.id }, 'aria-selected': String(state.patient?.id === p.id), className: i === state.activeIndex ? 'active' : '' },
        el('span', { className: 'name', textContent: p.name }),
        el('small', { textContent: `${p.gender}, ${p.birthDate} (${p.age} y), MRN ${p.mrn}` }),
      ),
    ),
  );
}

async function selectPatient(id) {
  if (!id || state.patient?.id === id) return;
  const { patient, previous, next } = await json(`/emr/patients/${encodeURIComponent(id)}`);
  const changed = state.patient !== null;
  state.patient = { ...patient, previous, next };
  localStorage.setItem(STORAGE_KEY, patient.id);
  renderPatients();
  renderBanner();
  if (changed) {
    // A new patient: record-scoped apps are destroyed and the app on screen is relaunched.
    const shown = state.shownAppId;
    host.destroyRecordScoped();
    const app = config.apps.find((a) => a.id === shown);
    if (app && (app.scope ?? 'record') === 'record') await openApp(app.id);
  }
  if (state.tab === 'chart') await showChart();
  renderDock();
}

function renderBanner() {
  const p = state.patient;
  const banner = $('patient-banner');
  if (!p) {
    banner.textContent = 'Choose a patient';
    return;
  }
  banner.replaceChildren(el('strong', { id: 'banner-name', textContent: patientLabel(p) }), el('small', { textContent: `${p.age} y, ${p.gender}, born ${p.birthDate}, MRN ${p.mrn}` }));
}

// --- the app dock -------------------------------------------------------------------------------------

function renderDock() {
  const dock = $('app-dock');
  dock.replaceChildren(
    ...config.apps.map((app) => {
      const needsPatient = (app.scope ?? 'record') === 'record' && !app.standalone;
      const running = host.running(app.id);
      const button = el(
        'button',
        {
          type: 'button',
          id: `dock-${app.id}`,
          disabled: needsPatient && !state.patient,
          title: app.description,
          className: `${running ? 'running' : ''} ${running && running === host.shown && state.tab === 'apps' ? 'shown' : ''}`,
          dataset: { appId: app.id },
        },
        ...(app.icon ? [el('img', { src: app.icon, alt: '' })] : []),
        el('span', { textContent: app.name }),
      );
      button.addEventListener('click', () => openApp(app.id).catch(showError));
      return el('li', {}, button);
    }),
  );
}

function showError(err) {
  $('app-placeholder').hidden = false;
  $('app-placeholder').textContent = String(err.message ?? err);
}

async function openApp(appId) {
  const app = config.apps.find((a) => a.id === appId);
  if (!app) return;
  showTab('apps');
  $('app-placeholder').hidden = true;
  if (app.standalone) return showStandalone(app);
  const recordId = (app.scope ?? 'record') === 'container' ? undefined : state.patient?.id;
  const running = host.running(app.id);
  state.shownAppId = app.id;
  if (running && running.context.record?.id === recordId) {
    document.querySelector('.app-info')?.remove();
    host.show(running);
    return;
  }
  if (running) host.destroy(running);
  document.querySelector('.app-info')?.remove();
  await host.launch(app.id, recordId);
}

/** Standalone apps run outside the EMR: an info page with a link that opens them in a window. */
function showStandalone(app) {
  for (const instance of host.instances.values()) instance.iframe.hidden = true;
  document.querySelector('.app-info')?.remove();
  const params = new URLSearchParams({ api_base: config.apiBase, ...(state.patient ? { record_id: state.patient.id } : {}) });
  const href = `${app.index}${app.index.includes('?') ? '&' : '?'}${params}`;
  $('app-area').append(
    el(
      'div',
      { className: 'app-info' },
      el('h2', { textContent: app.name }),
      el('p', { textContent: app.description }),
      el('p', { textContent: 'This app runs on its own, outside the EMR, and talks to the REST API.' }),
      el('a', { href, target: '_blank', rel: 'noopener', id: 'standalone-launch', textContent: 'Launch App' }),
    ),
  );
}

// --- tabs and chart ------------------------------------------------------------------------------------

function showTab(tab) {
  state.tab = tab;
  $('tab-apps').setAttribute('aria-selected', String(tab === 'apps'));
  $('tab-chart').setAttribute('aria-selected', String(tab === 'chart'));
  $('app-area').hidden = tab !== 'apps';
  $('chart-area').hidden = tab !== 'chart';
  renderDock();
}

async function showChart() {
  showTab('chart');
  if (!state.patient) {
    $('chart-area').replaceChildren(el('p', { textContent: 'Choose a patient to see the chart.' }));
    return;
  }
  const chart = await json(`/emr/patients/${encodeURIComponent(state.patient.id)}/chart`);
  renderChart($('chart-area'), chart, el);
}

// --- keyboard and events -----------------------------------------------------------------------------------

let searchTimer;
$('patient-search').addEventListener('input', (e) => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => loadPatients(e.target.value).catch(showError), 120);
});
$('patient-search').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && state.patients[0]) selectPatient(state.patients[Math.max(0, state.activeIndex)].id).catch(showError);
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    $('patient-list').focus();
    moveActive(1);
  }
});
function moveActive(delta) {
  if (state.patients.length === 0) return;
  state.activeIndex = Math.min(state.patients.length - 1, Math.max(0, state.activeIndex + delta));
  renderPatients();
  $('patient-list').children[state.activeIndex]?.scrollIntoView({ block: 'nearest' });
}
$('patient-list').addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    moveActive(e.key === 'ArrowDown' ? 1 : -1);
  }
  if (e.key === 'Enter' && state.activeIndex >= 0) selectPatient(state.patients[state.activeIndex].id).catch(showError);
});
$('patient-list').addEventListener('click', (e) => {
  const li = e.target.closest('li[data-id]');
  if (li) selectPatient(li.dataset.id).catch(showError);
});
$('prev-patient').addEventListener('click', () => state.patient && selectPatient(state.patient.previous).catch(showError));
$('next-patient').addEventListener('click', () => state.patient && selectPatient(state.patient.next).catch(showError));
document.addEventListener('keydown', (e) => {
  if (e.altKey && e.key === 'ArrowLeft' && state.patient) selectPatient(state.patient.previous).catch(showError);
  if (e.altKey && e.key === 'ArrowRight' && state.patient) selectPatient(state.patient.next).catch(showError);
});
$('tab-apps').addEventListener('click', () => {
  showTab('apps');
  if (host.shown) host.show(host.shown);
});
$('tab-chart').addEventListener('click', () => showChart().catch(showError));

// --- start --------------------------------------------------------------------------------------------------

async function start() {
  await loadPatients('');
  const wanted = config.wanted.record ?? localStorage.getItem(STORAGE_KEY) ?? state.patients[0]?.id;
  // The reference selected the first patient of the list; a deep link or a reload keeps its own.
  await selectPatient(wanted).catch(() => selectPatient(state.patients[0]?.id));
  renderDock();
  if (config.wanted.app) await openApp(config.wanted.app);
}

start().catch(showError);
