import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it, onTestFinished } from 'vitest';
import { latestSchemaVersion } from '../../src/main/database/migrate';
import { createHttpServer, listen } from '../../src/main/http/server';
import { startTestApp } from '../helpers/test-app';

/** The real HTTP transport on a random port, over a real temporary database. */
async function startServer() {
  const app = await startTestApp({ serverToken: 'server-token' });
  const rendererDir = join(app.folder, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>OMS</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log(1)');
  const logged: unknown[] = [];
  const server = createHttpServer({ router: app.router, version: '9.9.9', rendererDir, log: (e) => logged.push(e) });
  const address: AddressInfo = await listen(server, 0, '127.0.0.1');
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${address.port}`;
  const request = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const token = init.token === undefined ? 'server-token' : init.token;
    return fetch(base + path, {
      ...init,
      headers: { ...(token && { authorization: `Bearer ${token}` }), ...(init.headers as Record<string, string>) },
    });
  };
  return { app, base, request, logged };
}

describe('HTTP API', () => {
  it('needs a valid bearer token on every /api route', async () => {
    const { request } = await startServer();
    for (const path of ['/api/health', '/api/openapi.json', '/api/settings.get', '/api/nothing']) {
      const response = await request(path, { token: null });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect((await request('/api/health', { token: 'wrong' })).status).toBe(401);
    const health = await request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      schemaVersion: latestSchemaVersion(),
    });
  });

  it('answers bad input with VALIDATION: 400 for a body that is not JSON, 422 naming the field', async () => {
    const { request } = await startServer();
    const malformed = await request('/api/auth.setup', { method: 'POST', body: '{"owner": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ code: 'VALIDATION', message: 'The body is not valid JSON' });

    const wrong = await request('/api/auth.setup', {
      method: 'POST',
      body: JSON.stringify({
        owner: { username: 'ok', displayName: 'Ok', secret: '1234' },
        store: { storeName: 'S', currency: 'CNY', locale: 'fr', pricesIncludeTax: 'yes' },
      }),
    });
    expect(wrong.status).toBe(422);
    const body = (await wrong.json()) as { code: string; details: { issues: Array<{ path: string }> } };
    expect(body.code).toBe('VALIDATION');
    expect(body.details.issues.map((i) => i.path).sort()).toEqual(['store.locale', 'store.pricesIncludeTax']);
  });

  it('maps error codes to statuses and unknown routes to 404', async () => {
    const { request } = await startServer();
    expect((await request('/api/orders.teleport', { method: 'POST' })).status).toBe(404);
    expect((await request('/api/no/such/route')).status).toBe(404);
    // Before setup the server token speaks for nobody: signed-in operations are refused,
    // though a wrong field is still named first.
    const early = await request('/api/settings.get', { method: 'POST' });
    expect(early.status).toBe(401);
    expect(await early.json()).toMatchObject({ message: expect.stringContaining('auth.setup') });
    const wrongField = await request('/api/settings', { method: 'PATCH', body: '{"storeName": 5}' });
    expect(wrongField.status).toBe(422);
    expect(await wrongField.json()).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'storeName' }] } });
    expect((await request('/api/users', { method: 'DELETE' })).status).toBe(405);
  });

  it('serves readable REST routes with the same contract, acting as the token’s user', async () => {
    const { request } = await startServer();
    const setup = await request('/api/auth.setup', {
      method: 'POST',
      body: JSON.stringify({
        owner: { username: 'owner', displayName: 'Owner', secret: '2468' },
        store: { storeName: 'REST shop', currency: 'USD', locale: 'en', pricesIncludeTax: false },
      }),
    });
    expect(setup.status).toBe(200);
    const settings = await request('/api/settings');
    expect(await settings.json()).toMatchObject({ storeName: 'REST shop', currency: 'USD' });

    const patched = await request('/api/settings', { method: 'PATCH', body: JSON.stringify({ storeName: 'Renamed' }) });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ storeName: 'Renamed', currency: 'USD' });

    const created = await request('/api/users', {
      method: 'POST',
      body: JSON.stringify({ username: 'clerk', displayName: 'Clerk', role: 'clerk', secret: '1111' }),
    });
    expect(created.status).toBe(200);
    const clerk = (await created.json()) as { id: string; secret_hash?: string };
    expect(clerk.secret_hash).toBeUndefined();
    const renamed = await request(`/api/users/${clerk.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ displayName: 'Clerk Two' }),
    });
    expect(await renamed.json()).toMatchObject({ id: clerk.id, displayName: 'Clerk Two' });
    expect((await request('/api/users/nope', { method: 'PATCH', body: '{}' })).status).toBe(404);

    const signIn = await request('/api/auth.signIn', {
      method: 'POST',
      body: JSON.stringify({ username: 'clerk', secret: '1111' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const forbidden = await request('/api/settings', { method: 'PATCH', token, body: '{"storeName":"Mine"}' });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await request('/api/users', { token })).status).toBe(403);
    expect((await request('/api/settings', { token })).status).toBe(200);
  });

  it('publishes a valid OpenAPI 3.1 document covering every operation', async () => {
    const { request } = await startServer();
    const document = (await (await request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.paths['/api/settings.update']).toHaveProperty('post');
    expect(document.paths['/api/settings']).toHaveProperty('patch');
    expect(document.paths['/api/users/{id}']).toHaveProperty('patch');
    expect(document.paths['/api/health']).toHaveProperty('get');
  });

  it('returns INTERNAL without any internals when the database fails under it', async () => {
    const { request, app, logged } = await startServer();
    await app.close();
    const response = await request('/api/auth.status', { method: 'POST' });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      code: 'INTERNAL',
      message: 'Internal error: the operation was not carried out',
    });
    expect(text).not.toMatch(/at |\.ts|node_modules|sqlite/i);
    expect(logged.length).toBeGreaterThan(0);
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    const { base, request } = await startServer();
    for (const path of ['/%E0', '/assets/%', '/api/users/%E0']) {
      const response = await fetch(base + path, {
        method: path.startsWith('/api') ? 'PATCH' : 'GET',
        headers: { authorization: 'Bearer server-token' },
        body: path.startsWith('/api') ? '{}' : undefined,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ code: 'VALIDATION', message: 'The address is not valid' });
    }
    expect((await request('/api/health')).status).toBe(200);
  });

  it('puts a door token in the page that opens only the public operations', async () => {
    const { base, request, app } = await startServer();
    const html = await (await fetch(`${base}/`)).text();
    const door = /<meta name="oms-door" content="([\w-]+)"/.exec(html)?.[1];
    expect(door).toBe(app.router.doorToken);
    expect(html).not.toContain('server-token');
    await app.setUpOwner();
    expect((await request('/api/auth.status', { method: 'POST', token: door })).status).toBe(200);
    expect((await request('/api/health', { token: door })).status).toBe(200);
    for (const path of ['/api/settings', '/api/users', '/api/openapi.json']) {
      expect([path, (await request(path, { token: door })).status]).toEqual([
        path,
        path.includes('openapi') ? 200 : 401,
      ]);
    }
    const signIn = await request('/api/auth.signIn', {
      method: 'POST',
      token: door,
      body: JSON.stringify({ username: 'boss', secret: '13579' }),
    });
    expect(signIn.status).toBe(200);
  });

  it('serves the renderer with its security headers, and nothing outside its folder', async () => {
    const { base } = await startServer();
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const deep = await fetch(`${base}/settings/users`);
    expect(await deep.text()).toContain('<title>OMS</title>');
    const asset = await fetch(`${base}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const escape = await fetch(`${base}/..%2f..%2fshop.db`);
    expect(await escape.text()).toContain('<title>OMS</title>');
  });
});
