import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { startSandbox } from '../../server/index.js';

describe('startSandbox (programmatic API)', () => {
  it('listens on free ports, returns the URLs and login, and closes', async () => {
    const running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'silent' });
    assert.match(running.urls.emr, /^http:\/\/localhost:\d+\/$/);
    assert.equal(running.urls.api, `${running.urls.emr}api`);
    assert.deepEqual(running.login, { username: 'demo@example.org', password: 'demo' });
    const health = await fetch(`${running.urls.emr}healthz`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { patients: number }).patients, 50);
    assert.equal((await fetch(`${running.urls.apps}/`)).status, 200);
    await running.close();
    await running.close();
    await assert.rejects(fetch(`${running.urls.emr}healthz`));
  });

  it('follows --base-url for every public URL', async () => {
    const running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'silent', baseUrl: 'https://ehr.example.org/sandbox/' });
    try {
      assert.equal(running.urls.api, 'https://ehr.example.org/sandbox/api');
      assert.equal(running.sandbox.config.baseUrl, 'https://ehr.example.org/sandbox');
    } finally {
      await running.close();
    }
  });

  it('explains a port that is already taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await assert.rejects(startSandbox({ port, appsPort: 0, inMemory: true, logLevel: 'silent' }), /already in use.*--port/);
    } finally {
      blocker.close();
    }
  });

  it('serves a larger world from --patients with the same contract', async () => {
    const running = await startSandbox({ port: 0, appsPort: 0, inMemory: true, logLevel: 'silent', patients: 500, today: '2026-01-15' });
    try {
      const body = (await (await fetch(`${running.urls.emr}healthz`)).json()) as { patients: number; today: string };
      assert.equal(body.patients, 500);
      assert.equal(body.today, '2026-01-15');
    } finally {
      await running.close();
    }
  });
});
