// The EMR and SMART Connect end to end, in Debian's Chromium: the real server, test apps served
// on another origin, and the clicks a clinician makes.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import OAuth from 'oauth-1.0a';
import type { Browser, BrowserContext, Page } from 'playwright';
import { startSandbox, type RunningSandbox } from '../../server/index.js';
import { startTestApps, TEST_APP_IDS, type TestApps } from '../support/app-server.js';
import { launchBrowser } from '../support/browser.js';
import { choosePatient, login, openApp, shownAppFrame } from '../support/emr.js';
import { parseForm, RestClient } from '../support/oauth-client.js';

let browser: Browser;
let running: RunningSandbox;
let apps: TestApps;
let emr: string;

before(async () => {
  apps = await startTestApps();
  running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'warn', appsDirs: [apps.manifestsDir] });
  emr = running.urls.emr;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await running?.close();
  await apps?.close();
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

const patient = (index: number) => {
  const summary = running.sandbox.world.summaries[index]!;
  return { id: summary.id, ...summary.demographics, full: `${summary.demographics.givenName} ${summary.demographics.familyName}` };
};

describe('login and accounts', () => {
  it('refuses a wrong password, logs in, remembers where to go, and logs out', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${emr}manage_apps`);
    assert.match(page.url(), /\/login\?return_url=%2Fmanage_apps$/);
    assert.match(await page.textContent('.hint') ?? '', /demo@example\.org/);
    await page.fill('input[name=username]', 'demo@example.org');
    await page.fill('input[name=password]', 'wrong');
    await page.click('button[type=submit]');
    assert.equal(await page.textContent('#login-error'), 'Incorrect username or password. Please try again.');
    await page.fill('input[name=password]', 'demo');
    await Promise.all([page.waitForURL(/\/manage_apps$/), page.click('button[type=submit]')]);
    assert.equal(await page.textContent('#user-name'), 'Demo Clinician');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'smart_sandbox_session')!;
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    await page.click('#logout');
    await page.waitForSelector('text=You were logged out.');
    await page.goto(emr);
    assert.match(page.url(), /\/login/);
    await context.close();
  });

  it('creates an account with clear messages for weak input, shown as text', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${emr}login`);
    await page.click('text=Create an account');
    await page.fill('input[name=username]', 'demo@example.org');
    await page.fill('input[name=password]', '123');
    await page.fill('input[name=given_name]', '<b>Ada</b>');
    await page.fill('input[name=family_name]', 'Lovelace');
    await page.click('button[type=submit]');
    const errors = await page.textContent('#account-errors');
    assert.match(errors ?? '', /An account for demo@example\.org already exists/);
    assert.match(errors ?? '', /at least 6 characters/);
    await page.fill('input[name=username]', 'ada@example.org');
    await page.fill('input[name=password]', 'analytical');
    await Promise.all([page.waitForURL(`${emr}`), page.click('button[type=submit]')]);
    assert.equal(await page.textContent('#user-name'), '<b>Ada</b> Lovelace', 'markup in a name is shown as text');
    await page.waitForSelector('[id="dock-my-app@apps.smartplatforms.org"]');
    await context.close();
  });
});

describe('patients and apps', () => {
  let context: BrowserContext;
  let page: Page;
  before(async () => {
    ({ context, page } = await freshPage());
    await login(page, emr);
    await page.waitForSelector('#patient-list li');
  });
  after(() => context.close());

  it('lists patients sorted by name, searches, selects, and keeps the choice on reload', async () => {
    const names = await page.$$eval('#patient-list li .name', (items) => items.map((i) => i.textContent ?? ''));
    assert.equal(names.length, 50);
    const expected = running.sandbox.world.summaries
      .map((s) => s.demographics)
      .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName))
      .map((d) => `${d.familyName}, ${d.givenName}`);
    assert.deepEqual(names, expected, 'sorted by family name, then given name');
    assert.ok(await page.$eval('#patient-list li', (li) => li.getAttribute('aria-selected') === 'true'), 'the first patient is selected');
    const p = patient(20);
    await choosePatient(page, p.id, p.familyName.slice(0, 4));
    assert.equal(await page.textContent('#banner-name'), p.full);
    await page.fill('#patient-search', p.birthDate);
    await page.waitForSelector(`#patient-${p.id}`);
    await page.fill('#patient-search', p.mrn);
    await page.waitForFunction(() => document.querySelectorAll('#patient-list li').length === 1);
    await page.reload();
    await page.waitForSelector('#banner-name');
    assert.equal(await page.textContent('#banner-name'), p.full);
  });

  it('launches an app that shows the patient and the medications it read over SMART Connect', async () => {
    const p = patient(20);
    await choosePatient(page, p.id, p.familyName);
    const frame = await openApp(page, TEST_APP_IDS.patient);
    await frame.waitForSelector('#meds li');
    assert.equal(await frame.textContent('#name'), p.full);
    const meds = await frame.$$eval('#meds li', (items) => items.map((i) => i.textContent));
    const expected = running.sandbox.world.record(p.id)!.medications.map((m) => m.drug.title);
    assert.deepEqual([...meds].sort(), [...expected].sort());
    assert.equal(await frame.getAttribute('body', 'data-content-type'), 'application/rdf+xml');
    assert.equal(await frame.textContent('#user'), 'demo@example.org');
    assert.match(await frame.textContent('#denied') ?? '', new RegExp(`^403 Permission denied: this token is bound to record ${p.id}`));
    const timings = await page.evaluate(() => (window as unknown as { __smartSandbox: { host: { timings: { ms: number }[] } } }).__smartSandbox.host.timings);
    assert.ok(timings.length > 0 && timings.every((t) => t.ms < 5000), 'the handshake completes far inside the client\'s 5 s');
  });

  it('destroys and relaunches record apps when the patient changes', async () => {
    const frame = await shownAppFrame(page);
    const before = await frame.evaluate(() => (window as unknown as { app: { uuid: string } }).app.uuid);
    const current = await page.textContent('#banner-name');
    await page.click('#next-patient');
    await page.waitForFunction((name) => document.getElementById('banner-name')?.textContent !== name, current);
    const next = await page.textContent('#banner-name');
    const relaunched = await shownAppFrame(page);
    await relaunched.waitForFunction((name) => document.getElementById('name')?.textContent === name, next);
    const after = await relaunched.evaluate(() => (window as unknown as { app: { uuid: string } }).app.uuid);
    assert.notEqual(after, before, 'a new app instance');
    await page.waitForFunction(() => document.querySelectorAll('#app_content_iframe_holder iframe').length === 1);
  });

  it('sends backgrounded and foregrounded, and honours request_fullscreen', async () => {
    const first = await shownAppFrame(page);
    await openApp(page, TEST_APP_IDS.picker);
    await first.waitForFunction(() => document.getElementById('events')?.textContent?.includes('backgrounded'));
    await page.click(`[id="dock-${TEST_APP_IDS.patient}"]`);
    await first.waitForFunction(() => document.getElementById('events')?.textContent?.includes('foregrounded'));
    await first.click('#fullscreen');
    await page.waitForSelector('#app_content_iframe_holder iframe.fullscreen');
    await page.$eval('#app_content_iframe_holder iframe.fullscreen', (f) => f.classList.remove('fullscreen'));
  });

  it('lets a ui app call another with call_app and receive its return', async () => {
    const caller = await shownAppFrame(page);
    await caller.click('#call-picker');
    const picker = await page.waitForFunction(() => {
      const frames = [...document.querySelectorAll<HTMLIFrameElement>('#app_content_iframe_holder iframe:not([hidden])')];
      return frames.find((f) => f.src.includes('picker.html')) ?? null;
    });
    const pickerFrame = await picker.asElement()!.contentFrame();
    await pickerFrame!.waitForFunction(() => document.getElementById('question')?.textContent === 'pick a color');
    await pickerFrame!.click('#pick');
    await caller.waitForFunction(() => document.getElementById('called')?.textContent === 'picked green');
    assert.equal(await page.$eval('#app_content_iframe_holder iframe:not([hidden])', (f) => (f as HTMLIFrameElement).src.includes('patient.html')), true, 'the caller is shown again');
  });

  it('runs a frame_ui app that launches an inner app which reads data', async () => {
    const frame = await openApp(page, TEST_APP_IDS.frame);
    await frame.waitForFunction(() => document.getElementById('inner-data')?.textContent !== '');
    assert.match(await frame.textContent('#inner') ?? '', /inner launched with credentials at http:\/\/localhost:\d+\/api/);
    const shownName = await page.textContent('#banner-name');
    assert.ok(shownName?.endsWith(await frame.textContent('#inner-data') ?? '?'), 'the inner app read the patient\'s demographics');
  });

  it('re-procures the channel with the same uuid when the app navigates in its iframe', async () => {
    await page.click(`[id="dock-${TEST_APP_IDS.patient}"]`);
    const frame = await shownAppFrame(page);
    await frame.waitForSelector('#meds li');
    const uuid = await frame.evaluate(() => (window as unknown as { app: { uuid: string } }).app.uuid);
    await frame.evaluate(() => {
      window.location.href = 'picker.html';
    });
    await frame.waitForFunction(() => document.getElementById('question')?.textContent === '(no ready_data)');
    assert.equal(await frame.evaluate(() => (window as unknown as { app: { uuid: string } }).app.uuid), uuid);
  });

  it('ignores procure_channel from a window or origin it did not launch', async () => {
    const frame = await shownAppFrame(page);
    // A nested iframe (same app origin, but not the launched window) asks the EMR for a channel.
    await frame.evaluate((src) => {
      const nested = document.createElement('iframe');
      nested.src = src;
      nested.id = 'intruder';
      document.body.append(nested);
    }, `${apps.origin}/intruder.html`);
    const nested = await (await frame.waitForSelector('#intruder')).contentFrame();
    await nested!.waitForFunction(() => document.getElementById('result')?.textContent !== 'waiting', undefined, { timeout: 5000 });
    assert.equal(await nested!.textContent('#result'), 'ignored');
    // The EMR origin itself, from the top window, gets nothing either.
    const answered = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          let got = false;
          window.addEventListener('message', (e) => /app_instance_uuid/.test(String(e.data)) && (got = true));
          window.postMessage('"procure_channel"', '*');
          setTimeout(() => resolve(got), 500);
        }),
    );
    assert.equal(answered, false);
  });

  it('shows standalone apps as an info page, and runs container apps without a patient', async () => {
    await page.click(`[id="dock-${TEST_APP_IDS.standalone}"]`);
    const link = await page.getAttribute('#standalone-launch', 'href');
    assert.match(link ?? '', /callback\.html\?api_base=http%3A%2F%2Flocalhost%3A\d+%2Fapi&record_id=\d{7}$/);
    const frame = await openApp(page, TEST_APP_IDS.container);
    await frame.waitForFunction(() => document.getElementById('name')?.textContent === '(no patient)');
  });
});

describe('deep link, oauth_header and Manage Apps', () => {
  it('opens /launch?app=&record= after login with the app running on that patient', async () => {
    const { context, page } = await freshPage();
    const p = patient(33);
    await page.goto(`${emr}launch?app=${encodeURIComponent(TEST_APP_IDS.patient)}&record=${p.id}`);
    assert.match(page.url(), /\/login\?return_url=/);
    await page.fill('input[name=username]', 'jane.doe@example.org');
    await page.fill('input[name=password]', 'jane');
    await page.click('button[type=submit]');
    const frame = await shownAppFrame(page);
    await frame.waitForFunction((name) => document.getElementById('name')?.textContent === name, p.full);
    await context.close();
  });

  it('appends an oauth_header that verifies with the app\'s consumer secret (compatibility switch)', async () => {
    const { context, page } = await freshPage();
    await login(page, emr);
    await page.goto(`${emr}manage_apps`);
    await page.click(`tr[data-app-id="${TEST_APP_IDS.patient}"] form:has(input[name=append_oauth_header]) button`);
    await page.waitForSelector(`tr[data-app-id="${TEST_APP_IDS.patient}"] form:has(input[name=append_oauth_header]) button[aria-pressed="true"]`);
    await page.goto(emr);
    await page.waitForSelector('#banner-name');
    const frame = await openApp(page, TEST_APP_IDS.patient);
    const url = new URL(frame.url());
    const header = url.searchParams.get('oauth_header')!;
    assert.ok(header.startsWith('OAuth realm=""'), header);
    const params = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].filter((m) => m[1] !== 'realm').map((m) => [m[1]!, decodeURIComponent(m[2]!)]));
    assert.equal(params.smart_app_id, TEST_APP_IDS.patient);
    assert.equal(params.smart_record_id, url.searchParams.get('record_id'));
    assert.equal(params.smart_user_id, 'demo@example.org');
    const signature = params.oauth_signature!;
    delete params.oauth_signature;
    const oauth = new OAuth({ consumer: { key: TEST_APP_IDS.patient, secret: 'smartapp-secret' }, signature_method: 'HMAC-SHA1', hash_function: (b, k) => createHmac('sha1', k).update(b).digest('base64') });
    const index = `${url.origin}${url.pathname}`;
    assert.equal(oauth.getSignature({ url: index, method: 'GET', data: {} }, '', params as never), signature);
    // The REST token in the header works for the app's backend.
    const reply = await new RestClient(TEST_APP_IDS.patient).get(`${params.smart_container_api_base}/records/${params.smart_record_id}/demographics`, { key: params.smart_oauth_token!, secret: params.smart_oauth_token_secret! });
    assert.equal(reply.status, 200);
    await context.close();
  });

  it('registers a pasted manifest (errors name the field) and launches the new app; names stay text', async () => {
    const { context, page } = await freshPage();
    await login(page, emr);
    await page.goto(`${emr}manage_apps`);
    const manifest = { id: 'pasted@test.example.org', name: '<img src=x onerror="window.__pwned=1">Pasted', description: 'Registered in a test', mode: 'ui', index: `${apps.origin}/patient.html`, icon: `${apps.origin}/icon.svg` };
    await page.fill('textarea[name=manifest]', JSON.stringify({ ...manifest, mode: 'widget' }));
    await page.click('form[action="/manage_apps/register"] button[type=submit]');
    assert.match(await page.textContent('#register-errors') ?? '', /mode: must be one of ui, frame_ui, background, got "widget"/);
    await page.fill('textarea[name=manifest]', JSON.stringify(manifest));
    await page.click('form[action="/manage_apps/register"] button[type=submit]');
    await page.waitForSelector('#registered');
    assert.ok(running.sandbox.store.getApp('pasted@test.example.org'));
    await page.goto(emr);
    await page.waitForSelector('[id="dock-pasted@test.example.org"]');
    assert.equal(await page.textContent('[id="dock-pasted@test.example.org"] span'), manifest.name);
    const frame = await openApp(page, 'pasted@test.example.org');
    await frame.waitForSelector('#meds');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await context.close();
  });

  it('refuses POSTs without the CSRF token', async () => {
    const { context, page } = await freshPage();
    await login(page, emr);
    const results = await page.evaluate(async () => {
      const form = await fetch('/manage_apps/register', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'manifest={}' });
      const launch = await fetch('/emr/launches', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"app_id":"my-app@apps.smartplatforms.org"}' });
      return [form.status, await form.text(), launch.status];
    });
    assert.equal(results[0], 403);
    assert.match(String(results[1]), /CSRF token missing or wrong/);
    assert.equal(results[2], 403);
    await context.close();
  });
});

describe('REST apps', () => {
  it('complete the 3-legged dance through the record picker and the authorize page', async () => {
    const { context, page } = await freshPage();
    await login(page, emr);
    const appId = TEST_APP_IDS.picker;
    await page.goto(`${emr}apps/${encodeURIComponent(appId)}/launch`);
    const p = patient(7);
    const href = await page.getAttribute(`#records a[href*="record_id=${p.id}"]`, 'href');
    assert.match(href ?? '', new RegExp(`picker\\.html\\?record_id=${p.id}&api_base=http%3A%2F%2Flocalhost%3A\\d+%2Fapi$`));
    // The app's backend asks for a request token for the chosen record…
    const client = new RestClient(appId);
    const rt = parseForm((await client.call(`${running.urls.api}/oauth/request_token`, { form: { smart_record_id: p.id, oauth_callback: 'oob' } })).body);
    // …and sends the browser to the authorize page, where the clinician consents.
    await page.goto(`${emr}oauth/authorize?oauth_token=${rt.oauth_token}`);
    assert.equal(await page.textContent('#authorize-patient'), `${p.full} (record ${p.id})`);
    await Promise.all([page.waitForURL(/callback\.html\?oauth_token=/), page.click('#authorize')]);
    const callback = new URL(page.url());
    assert.equal(callback.searchParams.get('oauth_token'), rt.oauth_token);
    const access = await client.call(`${running.urls.api}/oauth/access_token`, { form: { oauth_verifier: callback.searchParams.get('oauth_verifier')! }, token: { key: rt.oauth_token!, secret: rt.oauth_token_secret! } });
    assert.equal(access.status, 200, access.body);
    const at = parseForm(access.body);
    assert.equal(at.record_id, p.id);
    assert.equal((await client.get(`${running.urls.api}/records/${p.id}/problems/`, { key: at.oauth_token!, secret: at.oauth_token_secret! })).status, 200);
    // Once the app was launched for this patient by this user, authorize approves at once.
    await page.goto(emr);
    await page.waitForSelector('#banner-name');
    await page.evaluate(
      async ([id, record]) => {
        const csrf = JSON.parse(document.getElementById('emr-config')!.textContent!).csrf as string;
        await fetch('/emr/launches', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf }, body: JSON.stringify({ app_id: id, record_id: record }) });
      },
      [appId, p.id],
    );
    const again = parseForm((await client.call(`${running.urls.api}/oauth/request_token`, { form: { smart_record_id: p.id, oauth_callback: 'oob' } })).body);
    await Promise.all([page.waitForURL(/callback\.html\?oauth_token=/), page.goto(`${emr}oauth/authorize?oauth_token=${again.oauth_token}`)]);
    await page.goto(`${emr}oauth/authorize?oauth_token=nonsense`);
    assert.match(await page.textContent('#error-message') ?? '', /Unknown request token "nonsense"/);
    await context.close();
  });
});
