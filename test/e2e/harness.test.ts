// The browser harness: Debian's Chromium, driven by playwright, against pages the sandbox serves.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright';
import { startSandbox, type RunningSandbox } from '../../server/index.js';
import { launchBrowser } from '../support/browser.js';
import { tempDir } from '../support/tmp.js';

describe('in Chromium', () => {
  let browser: Browser;
  let running: RunningSandbox;

  before(async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'hostile.json'),
      JSON.stringify({ id: 'hostile@example.org', name: '<img src=x onerror="window.__pwned=1">Evil', description: '<script>window.__pwned=2</script>', mode: 'background' }),
    );
    running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'silent', appsDirs: [dir] });
    // Bundled-only catalogue: register the hostile app as bundled to see it rendered.
    const app = running.sandbox.store.getApp('hostile@example.org')!;
    await running.sandbox.store.upsertApp({ ...app, source: 'bundled' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows the sample-apps catalogue, rendering hostile names as text', async () => {
    const page = await browser.newPage();
    await page.goto(running.urls.apps);
    await page.waitForSelector('#apps');
    const rows = await page.locator('#apps tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => r.includes('My App') && r.includes('my-app@apps.smartplatforms.org')));
    assert.ok(rows.some((r) => r.includes('<img src=x onerror="window.__pwned=1">Evil')), 'markup is shown literally');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('#apps img').count(), 0);
  });

  it('reads /healthz from the EMR origin', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${running.urls.emr}healthz`);
    assert.equal(response?.status(), 200);
    const body = JSON.parse(await page.locator('body').innerText()) as { patients: number };
    assert.equal(body.patients, 50);
  });
});
