// Registering an app from a manifest URL: fetched by the server with a timeout and a size limit,
// over http(s) only. Errors say what went wrong so the developer can fix the URL or the server.
const LIMIT = 256 * 1024;
const TIMEOUT_MS = 5000;

export async function fetchManifest(url: string): Promise<unknown> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not an absolute URL; give one such as http://localhost:8000/smart_manifest.json.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('The manifest URL must use http or https.');
  let res: Response;
  try {
    res = await fetch(parsed, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (err) {
    throw new Error(`Could not fetch ${url}: ${(err as Error).message}. Is the app's server running?`);
  }
  if (!res.ok) throw new Error(`Fetching ${url} answered ${res.status} ${res.statusText}.`);
  const text = await res.text();
  if (text.length > LIMIT) throw new Error(`The manifest at ${url} is larger than ${LIMIT / 1024} KB.`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`The manifest at ${url} is not valid JSON: ${(err as Error).message}`);
  }
}
