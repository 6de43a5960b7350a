// Starting a sandbox for API tests and obtaining tokens the ways apps do: the 3-legged dance (with
// the authorize step approved as a logged-in user would), and background-app record tokens.
import { join } from 'node:path';
import { approveRequestToken } from '../../server/oauth/authorize.js';
import { paths } from '../../server/paths.js';
import { startSandbox, type RunningSandbox, type StartOptions } from '../../server/index.js';
import { parseForm, RestClient, type Token } from './oauth-client.js';

export const TEST_APPS_DIR = join(paths.root, 'test', 'fixtures', 'apps');
export const MY_APP = 'my-app@apps.smartplatforms.org';
export const OTHER_APP = 'other@test.example.org';
export const FRAME_APP = 'frame@test.example.org';
export const BACKGROUND_APP = 'nightly-export@test.example.org';

export async function startApiSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'silent', appsDirs: [TEST_APPS_DIR], ...options });
}

export const apiOf = (running: RunningSandbox): string => running.urls.api;

/** The whole 3-legged dance for `appId` on `recordId`, approved by `email`. */
export async function threeLegged(running: RunningSandbox, appId: string, recordId: string, email = 'demo@example.org'): Promise<Token> {
  const client = new RestClient(appId);
  const api = apiOf(running);
  const request = await client.call(`${api}/oauth/request_token`, { form: { smart_record_id: recordId, oauth_callback: 'oob' } });
  if (request.status !== 200) throw new Error(`request_token failed: ${request.status} ${request.body}`);
  const rt = parseForm(request.body);
  const redirect = await approveRequestToken(running.sandbox, rt.oauth_token!, email);
  const verifier = new URL(redirect).searchParams.get('oauth_verifier')!;
  const access = await client.call(`${api}/oauth/access_token`, { form: { oauth_verifier: verifier }, token: { key: rt.oauth_token!, secret: rt.oauth_token_secret! } });
  if (access.status !== 200) throw new Error(`access_token failed: ${access.status} ${access.body}`);
  const at = parseForm(access.body);
  return { key: at.oauth_token!, secret: at.oauth_token_secret! };
}

/** A background-app token for one record. */
export async function backgroundToken(running: RunningSandbox, recordId: string): Promise<Token> {
  const reply = await new RestClient(BACKGROUND_APP).call(`${apiOf(running)}/apps/${BACKGROUND_APP}/tokens/records/${recordId}`, { method: 'POST' });
  if (reply.status !== 200) throw new Error(`record token failed: ${reply.status} ${reply.body}`);
  const form = parseForm(reply.body);
  return { key: form.oauth_token!, secret: form.oauth_token_secret! };
}
