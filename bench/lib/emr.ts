// EMR benchmarks: a logged-in session for page throughput, and launch timings in Chromium.
import { join } from 'node:path';
import { paths } from '../../server/paths.js';
import { median } from './processes.js';

/** Logs in over HTTP like a browser and returns the Cookie header of the session. */
export async function loginCookie(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const page = await fetch(`${base}/login`);
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; ') },
    body: new URLSearchParams({ username: 'demo@example.org', password: 'demo', _csrf: csrf, return_url: '/' }).toString(),
  });
  if (res.status !== 302) throw new Error(`login failed: ${res.status}`);
  return [...cookies, ...res.headers.getSetCookie().map((c) => c.split(';')[0]!)].join('; ');
}

/**
 * Median time from an app iframe's creation to the container receiving the app's answer to
 * `ready` (which the client sends right after running its SMART.ready callbacks), in headless
 * Chromium, over `runs` launches after `warmups`.
 */
export async function launchTimings(warmups: number, runs: number): Promise<{ median: number; p95: number; runs: number }> {
  const { startSandbox } = await import('../../server/index.js');
  const { startTestApps, TEST_APP_IDS } = await import(join(paths.root, 'dist', 'test', 'support', 'app-server.js'));
  const { launchBrowser } = await import(join(paths.root, 'dist', 'test', 'support', 'browser.js'));
  const { login } = await import(join(paths.root, 'dist', 'test', 'support', 'emr.js'));
  const apps = await startTestApps();
  const running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'silent', appsDirs: [apps.manifestsDir] });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await login(page, running.urls.emr);
    await page.waitForSelector('#banner-name');
    await page.click(`[id="dock-${TEST_APP_IDS.patient}"]:not([disabled])`);
    await page.waitForFunction(() => (window as unknown as { __smartSandbox: { host: { timings: unknown[] } } }).__smartSandbox.host.timings.length >= 1);
    for (let i = 0; i < warmups + runs; i++) {
      // Each patient change destroys the app and launches it again for the next patient.
      await page.click('#next-patient');
      await page.waitForFunction((n: number) => (window as unknown as { __smartSandbox: { host: { timings: unknown[] } } }).__smartSandbox.host.timings.length >= n, i + 2);
    }
    const timings: number[] = await page.evaluate(() => (window as unknown as { __smartSandbox: { host: { timings: { ms: number }[] } } }).__smartSandbox.host.timings.map((t) => t.ms));
    const measured = timings.slice(1 + warmups).sort((a, b) => a - b);
    return { median: median(measured), p95: measured[Math.floor(measured.length * 0.95)]!, runs: measured.length };
  } finally {
    await browser.close();
    await running.close();
    await apps.close();
  }
}
