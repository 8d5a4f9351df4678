// How much one call costs through each layer: a bare Kysely query (the baseline), the
// router (validation, roles, transaction, output check) and the HTTP transport on
// loopback. Prints one JSON line; progress goes to stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/main/app';
import { createHttpServer, listen } from '../src/main/http/server';

const CALLS = Number(process.argv[2] ?? 2000);

async function timeEach(label: string, calls: number, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(200, calls); i++) await call(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await call(i);
  const micros = Number(process.hrtime.bigint() - started) / 1000 / calls;
  console.error(`${label}: ${micros.toFixed(1)} µs per call`);
  return Math.round(micros * 10) / 10;
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'oms-bench-'));
  const app = await startApp({ databasePath: join(folder, 'bench.db'), serverToken: 'bench' });
  try {
    const anonymous = { transport: 'http' as const, credential: null };
    const session = (await app.router.call(
      'auth.setup',
      {
        owner: { username: 'owner', displayName: 'Owner', secret: '1234' },
        store: { storeName: 'Bench', currency: 'CNY', locale: 'en', pricesIncludeTax: true },
      },
      anonymous,
    )) as { token: string };
    const owner = { transport: 'http' as const, credential: await app.router.credentialFor(session.token) };
    const server = createHttpServer({ router: app.router, version: 'bench', rendererDir: folder });
    const { port } = (await listen(server, 0, '127.0.0.1')) as AddressInfo;
    const post = async (op: string, body: unknown) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/${op}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${op}: ${response.status}`);
      return response.json();
    };

    const result = {
      bench: 'api',
      calls: CALLS,
      baselineQueryUs: await timeEach('baseline: bare settings query', CALLS, () =>
        app.handle.db.selectFrom('settings').selectAll().execute(),
      ),
      routerGetUs: await timeEach('router: settings.get', CALLS, () => app.router.call('settings.get', {}, owner)),
      routerUpdateUs: await timeEach('router: settings.update (one transaction, audit entry)', CALLS, (i) =>
        app.router.call('settings.update', { phone: String(i) }, owner),
      ),
      httpGetUs: await timeEach('http: settings.get', CALLS, () => post('settings.get', {})),
      httpUpdateUs: await timeEach('http: settings.update', CALLS, (i) => post('settings.update', { phone: `x${i}` })),
      node: process.version,
    };
    server.close();
    console.log(JSON.stringify(result));
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
