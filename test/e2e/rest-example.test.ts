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
