// Driving the EMR in Chromium: log in, pick a patient, open an app and reach into its iframe.
import type { Frame, Page } from 'playwright';

export async function login(page: Page, emrUrl: string, username = 'demo@example.org', password = 'demo'): Promise<void> {
  await page.goto(`${emrUrl}login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('button[type=submit]')]);
}

export async function choosePatient(page: Page, recordId: string, query: string): Promise<void> {
  await page.fill('#patient-search', query);
  await page.click(`#patient-${recordId}`);
  await page.waitForFunction((id) => (window as unknown as { __smartSandbox: { state: { patient: { id: string } | null } } }).__smartSandbox.state.patient?.id === id, recordId);
}

/** The frame of the app instance currently shown. */
export async function shownAppFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#app_content_iframe_holder iframe:not([hidden])');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no app frame');
  return frame;
}

export async function openApp(page: Page, appId: string): Promise<Frame> {
  const before = await page.$$eval('#app_content_iframe_holder iframe', (frames) => frames.map((f) => f.id));
  await page.click(`[id="dock-${appId}"]`);
  const handle = await page.waitForFunction((ids) => [...document.querySelectorAll<HTMLIFrameElement>('#app_content_iframe_holder iframe:not([hidden])')].find((f) => !ids.includes(f.id)) ?? null, before);
  const frame = await (handle.asElement() as unknown as { contentFrame(): Promise<Frame | null> }).contentFrame();
  if (!frame) throw new Error('no app frame');
  return frame;
}
