import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from './serve-process';

/** The done-criteria of headless mode, against the built `serve` process itself. */
describe('npm run serve', () => {
  let folder: string;
  let server: ServeProcess;
  const auth = { authorization: 'Bearer t' };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oms-serve-'));
    server = await startServe({ db: join(folder, 'x.db'), token: 't' });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers health with the token and 401 without it', async () => {
    expect((await fetch(`${server.base}/api/health`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${server.base}/api/health`)).status).toBe(401);
    expect((await fetch(`${server.base}/api/users`)).status).toBe(401);
  });

  it('refuses malformed JSON and wrong fields with VALIDATION', async () => {
    const post = (body: string) => fetch(`${server.base}/api/auth.signIn`, { method: 'POST', headers: auth, body });
    const malformed = await post('{');
    expect([malformed.status, ((await malformed.json()) as { code: string }).code]).toEqual([400, 'VALIDATION']);
    const wrong = await post(JSON.stringify({ username: 'x y z', secret: '' }));
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(await wrong.json())).toMatch(/"path":"username".*"path":"secret"/);
  });

  it('serves the OpenAPI document and the renderer', async () => {
    const document = (await (await fetch(`${server.base}/api/openapi.json`, { headers: auth })).json()) as {
      openapi: string;
    };
    expect(document.openapi).toBe('3.1.0');
    const page = await fetch(`${server.base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module"[^>]+src="\.\/assets\/index-[\w-]+\.js"/);
  });

  it('generates and prints a token when OMS_API_TOKEN is not set', async () => {
    const other = await startServe({ db: join(folder, 'y.db') });
    try {
      const printed = /API token: (\S+)/.exec(other.output.join(''))?.[1];
      expect(printed).toMatch(/^[\w-]{40,}$/);
      expect(
        (await fetch(`${other.base}/api/health`, { headers: { authorization: `Bearer ${printed}` } })).status,
      ).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
