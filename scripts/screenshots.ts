// `npm run screenshots`: regenerates the README's pictures of the EMR (docs/screenshots/*.png) by
// driving the real sandbox in Debian's Chromium, so they never go stale.
import { join } from 'node:path';
import { startSandbox } from '../server/index.js';
import { paths } from '../server/paths.js';
import { launchBrowser } from '../test/support/browser.js';
import { choosePatient, login, openApp } from '../test/support/emr.js';

const out = (name: string) => join(paths.root, 'docs', 'screenshots', `${name}.png`);

const running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'warn' });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(`${running.urls.emr}login`);
  await page.screenshot({ path: out('login') });
  await login(page, running.urls.emr);
  // A diabetic patient: a full chart and plenty of data for apps.
  const patient = running.sandbox.world.summaries.find((s) => running.sandbox.world.record(s.id)!.archetypes.includes('diabetes'))!;
  await choosePatient(page, patient.id, patient.demographics.familyName);
  const frame = await openApp(page, 'med-list@apps.smartplatforms.org');
  await frame.waitForSelector('#meds tbody tr');
  await page.screenshot({ path: out('emr-app') });
  await page.click('#tab-chart');
  await page.waitForSelector('#chart-vitals svg polyline');
  await page.screenshot({ path: out('emr-chart') });
  await page.$eval('#chart-vitals', (section) => section.scrollIntoView());
  await page.screenshot({ path: out('emr-vitals') });
  await page.goto(`${running.urls.emr}manage_apps`);
  await page.screenshot({ path: out('manage-apps'), fullPage: false });
  console.log('wrote docs/screenshots/{login,emr-app,emr-chart,emr-vitals,manage-apps}.png');
} finally {
  await browser.close();
  await running.close();
}
