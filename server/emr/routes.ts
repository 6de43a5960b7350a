// The EMR web UI (protocol.md §2): login and accounts, the patient picker and chart, the app dock
// and launches, Manage Apps, the REST-app record picker, the 3-legged authorize page and the deep
// link. Pages are server-rendered with autoescaping templates; the page script talks to the JSON
// endpoints under /emr/, each protected by the session and a CSRF token.
import Router from '@koa/router';
import type { Context, Next } from 'koa';
import { launchApp } from '../connect/launch.js';
import { HttpError, NotFound } from '../http/errors.js';
import { approveRequestToken, requestTokenInfo } from '../oauth/authorize.js';
import { validateManifest } from '../registry/manifest.js';
import { DEFAULT_CONSUMER_SECRET } from '../registry/load-apps.js';
import { RegistrationError, registerApp } from '../registry/register.js';
import { apiBase, type Services } from '../services.js';
import type { AccountRow } from '../store/schema.js';
import { DEFAULT_LOGIN } from '../store/seed-accounts.js';
import { chartOf } from './chart.js';
import type { Csrf } from './csrf.js';
import { readForm, readJson, safeReturnUrl } from './forms.js';
import { fetchManifest } from './manifest-url.js';
import { neighbours, rowOf, searchPicker } from './patients.js';
import type { Session } from './sessions.js';

interface EmrState {
  session?: Session;
  account?: AccountRow;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD = 6;

/** JSON for a <script type="application/json"> block: `<` escaped so no markup can close the tag. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function emrRoutes(services: Services, csrf: Csrf): Router {
  const router = new Router();
  const { store, world, sessions } = services;

  /** Pages: an anonymous visitor is sent to the login page and comes back afterwards. */
  async function page(ctx: Context, next: Next) {
    const session = sessions.fromRequest(ctx);
    const account = session ? store.findAccount(session.email) : undefined;
    if (!session || !account) return ctx.redirect(`/login?return_url=${encodeURIComponent(ctx.originalUrl)}`);
    Object.assign(ctx.state as EmrState, { session, account });
    return next();
  }

  /** JSON endpoints: 401 without a session; state changes need the CSRF header. */
  async function xhr(ctx: Context, next: Next) {
    const session = sessions.fromRequest(ctx);
    const account = session ? store.findAccount(session.email) : undefined;
    if (!session || !account) throw new HttpError(401, 'Your EMR session has ended; log in again.');
    if (ctx.method !== 'GET') csrf.check(ctx, ctx.get('x-csrf-token'));
    Object.assign(ctx.state as EmrState, { session, account });
    return next();
  }

  const state = (ctx: Context) => ctx.state as Required<EmrState>;
  const fullName = (a: AccountRow) => `${a.givenName} ${a.familyName}`;

  // --- login, logout, accounts ------------------------------------------------------------------

  router.get('/login', async (ctx) => {
    await ctx.render('emr/login', {
      csrf: csrf.token(ctx),
      returnUrl: safeReturnUrl(ctx.query.return_url as string | undefined),
      loggedOut: ctx.query.logged_out !== undefined,
      defaultLogin: DEFAULT_LOGIN,
    });
  });

  router.post('/login', async (ctx) => {
    const form = await readForm(ctx);
    csrf.check(ctx, form.get('_csrf') ?? undefined);
    const username = (form.get('username') ?? '').trim();
    const password = form.get('password') ?? '';
    const returnUrl = safeReturnUrl(form.get('return_url'));
    const render = (error: string) => ctx.render('emr/login', { csrf: csrf.token(ctx), returnUrl, error, username, defaultLogin: DEFAULT_LOGIN });
    if (!username || !password) return render('Either the username or password is missing. Please enter both.');
    const account = await store.authenticate(username, password);
    if (!account) return render('Incorrect username or password. Please try again.');
    sessions.start(ctx, account.email);
    ctx.redirect(returnUrl);
  });

  router.get('/logout', (ctx) => {
    sessions.end(ctx);
    ctx.redirect('/login?logged_out=1');
  });

  router.get('/create_account', async (ctx) => {
    await ctx.render('emr/create-account', { csrf: csrf.token(ctx), values: {} });
  });

  router.post('/create_account', async (ctx) => {
    const form = await readForm(ctx);
    csrf.check(ctx, form.get('_csrf') ?? undefined);
    const values = {
      username: (form.get('username') ?? '').trim(),
      given_name: (form.get('given_name') ?? '').trim(),
      family_name: (form.get('family_name') ?? '').trim(),
      department: (form.get('department') ?? '').trim(),
      role: (form.get('role') ?? '').trim(),
    };
    const password = form.get('password') ?? '';
    const errors: string[] = [];
    if (!EMAIL.test(values.username)) errors.push('Enter your e-mail address as the username (it becomes your user id).');
    else if (store.findAccount(values.username)) errors.push(`An account for ${values.username} already exists; log in instead.`);
    if (password.length < MIN_PASSWORD) errors.push(`Choose a password of at least ${MIN_PASSWORD} characters.`);
    if (!values.given_name || !values.family_name) errors.push('Enter your given and family name.');
    for (const [key, value] of Object.entries(values)) if (value.length > 200) errors.push(`${key} is too long (200 characters at most).`);
    if (errors.length > 0) return ctx.render('emr/create-account', { csrf: csrf.token(ctx), values, errors });
    const account = await store.createAccount({
      email: values.username,
      password,
      givenName: values.given_name,
      familyName: values.family_name,
      department: values.department || 'General Medicine',
      role: values.role || 'physician',
    });
    sessions.start(ctx, account.email);
    ctx.redirect('/');
  });

  // --- the EMR page -------------------------------------------------------------------------------

  router.get('/', page, async (ctx) => {
    const { account } = state(ctx);
    const wantedApp = typeof ctx.query.app === 'string' ? store.getApp(ctx.query.app) : undefined;
    // A deep-linked app shows in the dock even if not enabled yet (launching enables it).
    const apps = [...store.enabledApps(account.email), ...(wantedApp && !store.isAppEnabled(account.email, wantedApp.id) ? [wantedApp] : [])]
      .filter((a) => a.manifest.mode !== 'background')
      .map((a) => ({ id: a.id, name: a.manifest.name, icon: a.manifest.icon ?? null, mode: a.manifest.mode, scope: a.manifest.scope ?? 'record', standalone: a.manifest.standalone === true, index: a.manifest.index ?? null, description: a.manifest.description }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const wanted = { app: typeof ctx.query.app === 'string' ? ctx.query.app : null, record: typeof ctx.query.record === 'string' ? ctx.query.record : null };
    const token = csrf.token(ctx);
    const config = { user: { id: account.email, fullName: fullName(account) }, apiBase: apiBase(services.config), csrf: token, apps, patientCount: world.count, today: world.today, wanted };
    await ctx.render('emr/index', { account, fullName: fullName(account), configJson: scriptJson(config), csrf: token });
  });

  // The deep link: log in first if needed, then open the EMR on that patient with the app running.
  router.get('/launch', page, (ctx) => {
    const app = typeof ctx.query.app === 'string' ? ctx.query.app : '';
    const record = typeof ctx.query.record === 'string' ? ctx.query.record : '';
    if (!store.getApp(app)) throw new NotFound(`No app "${app}" is registered; see Manage Apps for the ids.`);
    if (record && !world.summary(record)) throw new NotFound(`No record ${record} in this sandbox.`);
    ctx.redirect(`/?app=${encodeURIComponent(app)}${record ? `&record=${encodeURIComponent(record)}` : ''}`);
  });

  router.get('/emr/patients', xhr, (ctx) => {
    const query = typeof ctx.query.q === 'string' ? ctx.query.q.slice(0, 200) : '';
    const limit = Math.min(Number(ctx.query.limit) || 200, 1000);
    ctx.body = searchPicker(world, query, limit);
  });

  router.get('/emr/patients/:id', xhr, (ctx) => {
    const summary = world.summary(ctx.params.id!);
    if (!summary) throw new NotFound(`No record ${ctx.params.id} in this sandbox.`);
    ctx.body = { patient: rowOf(summary, world.today), ...neighbours(world, summary.id) };
  });

  router.get('/emr/patients/:id/chart', xhr, (ctx) => {
    const record = world.record(ctx.params.id!);
    if (!record) throw new NotFound(`No record ${ctx.params.id} in this sandbox.`);
    ctx.body = chartOf(record, world.today);
  });

  router.post('/emr/launches', xhr, async (ctx) => {
    const body = await readJson(ctx);
    const { account, session } = state(ctx);
    const launch = await launchApp(services, {
      appId: String(body.app_id ?? ''),
      ...(typeof body.record_id === 'string' && body.record_id ? { recordId: body.record_id } : {}),
      account,
      sessionId: session.id,
    });
    ctx.body = launch;
  });

  // --- Manage Apps ---------------------------------------------------------------------------------

  const manageView = (ctx: Context, extra: Record<string, unknown> = {}) => {
    const { account } = state(ctx);
    const apps = [...store.listApps()]
      .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name))
      .map((a) => ({ ...a.manifest, enabled: store.isAppEnabled(account.email, a.id), source: a.source, defaultSecret: a.consumerSecret === DEFAULT_CONSUMER_SECRET, appendOAuthHeader: a.appendOAuthHeader === true }));
    return ctx.render('emr/manage-apps', { fullName: fullName(account), apps, csrf: csrf.token(ctx), ...extra });
  };

  router.get('/manage_apps', page, (ctx) => manageView(ctx));

  router.post('/manage_apps/toggle', page, async (ctx) => {
    const form = await readForm(ctx);
    csrf.check(ctx, form.get('_csrf') ?? undefined);
    const app = store.getApp(form.get('app_id') ?? '');
    if (!app) throw new NotFound(`No app "${form.get('app_id')}" is registered.`);
    if (form.has('enabled')) await store.setAppEnabled(state(ctx).account.email, app.id, form.get('enabled') === 'true');
    if (form.has('append_oauth_header')) await store.upsertApp({ ...app, appendOAuthHeader: form.get('append_oauth_header') === 'true' });
    ctx.redirect('/manage_apps');
  });

  router.post('/manage_apps/register', page, async (ctx) => {
    const form = await readForm(ctx);
    csrf.check(ctx, form.get('_csrf') ?? undefined);
    const pasted = (form.get('manifest') ?? '').trim();
    const url = (form.get('manifest_url') ?? '').trim();
    const secret = (form.get('secret') ?? '').trim();
    const values = { manifest: pasted, manifest_url: url, secret: form.get('secret') ?? '', enabled_by_default: form.has('enabled_by_default') };
    const fail = (errors: string[]) => manageView(ctx, { errors, values });
    let json: unknown;
    if (pasted) {
      try {
        json = JSON.parse(pasted);
      } catch (err) {
        return fail([`The pasted manifest is not valid JSON: ${(err as Error).message}`]);
      }
    } else if (url) {
      try {
        json = await fetchManifest(url);
      } catch (err) {
        return fail([(err as Error).message]);
      }
    } else {
      return fail(['Paste a manifest or give the URL of one.']);
    }
    const check = validateManifest(json);
    if (!check.ok) return fail(check.errors.map((e) => `${e.field}: ${e.message}`));
    try {
      await registerApp(store, { manifest: check.manifest, secret, enabledByDefault: values.enabled_by_default });
    } catch (err) {
      if (err instanceof RegistrationError) return fail([err.message]);
      throw err;
    }
    // The registering clinician sees the new app in their dock at once.
    await store.setAppEnabled(state(ctx).account.email, check.manifest.id, true);
    await manageView(ctx, { registered: check.manifest.name, warnings: check.warnings.map((w) => `${w.field}: ${w.message}`) });
  });

  // --- REST apps: record picker and authorize --------------------------------------------------------

  router.get('/apps/:app_id/launch', page, async (ctx) => {
    const app = store.getApp(ctx.params.app_id!);
    if (!app) throw new HttpError(404, `The app "${ctx.params.app_id}" does not exist.`);
    if (!app.manifest.index) throw new HttpError(400, `The app "${app.manifest.name}" has no index URL to launch.`);
    const index = app.manifest.index;
    const base = apiBase(services.config);
    const rows = searchPicker(world, '', world.count).rows.map((r) => ({ ...r, href: `${index}${index.includes('?') ? '&' : '?'}record_id=${encodeURIComponent(r.id)}&api_base=${encodeURIComponent(base)}` }));
    await ctx.render('emr/record-select', { app: app.manifest, rows, fullName: fullName(state(ctx).account) });
  });

  router.get('/oauth/authorize', page, async (ctx) => {
    const token = typeof ctx.query.oauth_token === 'string' ? ctx.query.oauth_token : '';
    if (!token) throw new HttpError(400, 'Bad request: /oauth/authorize needs the oauth_token parameter (the request token your app received).');
    const { account } = state(ctx);
    const info = requestTokenInfo(services, token, account.email);
    // A clinician who already launched this app on this patient has authorized it.
    if (info.kind === 'same') return ctx.redirect(await approveRequestToken(services, token, account.email));
    const patient = world.summary(info.recordId)!.demographics;
    await ctx.render('emr/authorize', { app: info.app.manifest, token, patient: `${patient.givenName} ${patient.familyName}`, recordId: info.recordId, csrf: csrf.token(ctx), fullName: fullName(account) });
  });

  router.post('/oauth/authorize', page, async (ctx) => {
    const form = await readForm(ctx);
    csrf.check(ctx, form.get('_csrf') ?? undefined);
    const token = form.get('oauth_token') ?? '';
    if (form.get('decision') !== 'authorize') return ctx.redirect('/');
    ctx.redirect(await approveRequestToken(services, token, state(ctx).account.email));
  });

  return router;
}
