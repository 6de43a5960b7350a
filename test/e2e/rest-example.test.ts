// The REST example backend (apps/rest-example/server.mjs), launched from the EMR in Chromium:
// the 3-legged dance through the authorize page, then with a verified oauth_header.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright';
import { startSandbox, type RunningSandbox } from '../../server/index.js';
import { paths } from '../../server/paths.js';
import { launchBrowser } from '../support/browser.js';
import { choosePatient, login, shownAppFrame } from '../support/emr.js';
import { tempDir } from '../support/tmp.js';

const APP_ID = 'rest-example-test@test.example.org';
let browser: Browser;
let running: RunningSandbox;
let example: { port: number; close(): Promise<void> };

before(async () => {
  // The example is plain JavaScript for developers to copy; load it as they would run it.
  const module = (await import(join(paths.root, 'apps', 'rest-example', 'server.mjs'))) as {
    startRestExample(options: { port: number; appId: string }): Promise<{ port: number; close(): Promise<void> }>;
  };
  example = await module.startRestExample({ port: 0, appId: APP_ID });
  const dir = await tempDir();
  const base = `http://localhost:${example.port}/rest-example`;
  await writeFile(join(dir, 'rest.json'), JSON.stringify({ id: APP_ID, name: 'REST Example (test)', description: 'The REST example under test', mode: 'ui', scope: 'record', index: `${base}/launch`, oauth_callback: `${base}/callback`, icon: `${base}/icon.svg` }));
  running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'warn', appsDirs: [dir] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await running?.close();
  await example?.close();
});

describe('the REST example (npm run example:rest)', () => {
  it('launches, runs the 3-legged dance, and renders the record it read over REST', async () => {
    const page = await browser.newPage();
    await login(page, running.urls.emr);
    const summary = running.sandbox.world.summaries.find((s) => running.sandbox.world.record(s.id)!.medications.length > 2)!;
    await choosePatient(page, summary.id, summary.demographics.familyName);
    await page.click(`[id="dock-${APP_ID}"]`);
    const frame = await shownAppFrame(page);
    await frame.waitForSelector('#patient', { timeout: 15_000 });
    assert.equal(await frame.textContent('#patient'), `${summary.demographics.givenName} ${summary.demographics.familyName}`);
    assert.equal(await frame.textContent('#how'), 'Authorized through the 3-legged dance for demo@example.org');
    const meds = await frame.$$eval('#medications li', (items) => items.map((i) => i.textContent));
    assert.deepEqual([...meds].sort(), running.sandbox.world.record(summary.id)!.medications.map((m) => m.drug.title).sort());

    // With the compatibility switch the app verifies the signed oauth_header instead.
    await page.goto(`${running.urls.emr}manage_apps`);
    await page.click(`tr[data-app-id="${APP_ID}"] form:has(input[name=append_oauth_header]) button`);
    await page.goto(running.urls.emr);
    await page.waitForSelector('#banner-name');
    await page.click(`[id="dock-${APP_ID}"]`);
    const again = await shownAppFrame(page);
    await again.waitForSelector('#how');
    assert.equal(await again.textContent('#how'), 'Launched with a verified oauth_header');
    assert.ok((await again.$$eval('#problems li', (items) => items.length)) > 0);
  });
});

describe('the My App template (npm run example:my-app)', () => {
  it('is served on its own port and, launched from the EMR, shows the patient and problems', async () => {
    const module = (await import(join(paths.root, 'apps', 'my-app', 'serve.mjs'))) as { startMyApp(options: { port: number }): Promise<{ port: number; close(): Promise<void> }> };
    const myApp = await module.startMyApp({ port: 0 });
    const dir = await tempDir();
    const base = `http://localhost:${myApp.port}/smartapp`;
    await writeFile(join(dir, 'mine.json'), JSON.stringify({ id: 'my-app-copy@test.example.org', name: 'My App (copy)', description: 'The template under test', mode: 'ui', scope: 'record', index: `${base}/index.html`, icon: `${base}/../icon.svg` }));
    // The template loads the client library from the EMR at localhost:7000; point it at this sandbox.
    const sandbox = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'warn', appsDirs: [dir] });
    try {
      const page = await browser.newPage();
      await page.route('http://localhost:7000/framework/smart/scripts/smart-api-client.js', (route) => route.continue({ url: `${sandbox.urls.emr}framework/smart/scripts/smart-api-client.js` }));
      await login(page, sandbox.urls.emr);
      const summary = sandbox.sandbox.world.summaries[21]!;
      await choosePatient(page, summary.id, summary.demographics.familyName);
      await page.click('[id="dock-my-app-copy@test.example.org"]');
      const frame = await shownAppFrame(page);
      await frame.waitForFunction((name) => document.getElementById('patient')?.textContent === name, `${summary.demographics.givenName} ${summary.demographics.familyName}`);
      await frame.waitForFunction((n) => document.querySelectorAll('#problems li').length === n, sandbox.sandbox.world.record(summary.id)!.problems.length);
    } finally {
      await sandbox.close();
      await myApp.close();
    }
  });
});
