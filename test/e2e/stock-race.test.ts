import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from './serve-process';

const TOKEN = 't';
const STOCK = 5;
const ATTEMPTS = 20;

interface Reply {
  status: number;
  body: { code?: string; message?: string } & Record<string, unknown>;
}

async function post(server: ServeProcess, path: string, body: unknown): Promise<Reply> {
  const response = await fetch(`${server.base}/api/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

/** Posts and insists on 200: for the set-up steps, where anything else is the test's own failure. */
async function ok<T>(server: ServeProcess, path: string, body: unknown): Promise<T> {
  const reply = await post(server, path, body);
  if (reply.status !== 200) throw new Error(`POST /api/${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as T;
}

/**
 * Two `serve` processes on one database file, as the desktop app and a headless server
 * share a shop: reservations racing for the last units must never oversell, and the
 * losers must hear INSUFFICIENT_STOCK, not a busy database or an internal error.
 */
describe('reservations racing across two processes on one database', () => {
  let folder: string;
  let servers: ServeProcess[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oms-race-'));
    const db = join(folder, 'shop.db');
    // One after the other: the first creates and migrates the file, the second opens it as it is.
    servers.push(await startServe({ db, token: TOKEN }));
    servers.push(await startServe({ db, token: TOKEN }));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    rmSync(folder, { recursive: true, force: true });
  });

  it(`sells ${STOCK} units exactly once to ${ATTEMPTS} concurrent reservations`, async () => {
    const [a, b] = servers;
    await ok(a, 'auth.setup', {
      owner: { username: 'owner', displayName: 'Owner', secret: '1234' },
      store: { storeName: 'Race', currency: 'CNY', locale: 'en', pricesIncludeTax: true },
    });
    const warehouse = await ok<{ id: string }>(b, 'warehouses.create', { code: 'MAIN', name: 'Main' });
    const product = await ok<{ id: string }>(a, 'products', { sku: 'RACE-1', name: 'Last units', unitPrice: 1000 });
    await ok(b, 'stock/receipts', { productId: product.id, warehouseId: warehouse.id, quantity: STOCK });

    const replies = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        post(i % 2 === 0 ? a : b, 'stock/reservations', {
          productId: product.id,
          warehouseId: warehouse.id,
          quantity: 1,
          referenceType: 'order',
          referenceId: `order-${i}`,
        }),
      ),
    );

    const refused = replies.filter((r) => r.status !== 200);
    const summary = replies.map((r) => `${r.status} ${r.body.code ?? 'ok'}`);
    expect(
      replies.filter((r) => r.status === 200),
      summary.join(', '),
    ).toHaveLength(STOCK);
    expect(
      refused.map((r) => [r.status, r.body.code]),
      JSON.stringify(refused.filter((r) => r.body.code !== 'INSUFFICIENT_STOCK').map((r) => r.body)),
    ).toEqual(Array.from({ length: ATTEMPTS - STOCK }, () => [409, 'INSUFFICIENT_STOCK']));

    const levels = (await (
      await fetch(`${a.base}/api/stock?productId=${product.id}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as Array<{ onHand: number; reserved: number; available: number }>;
    expect(levels.map(({ onHand, reserved, available }) => ({ onHand, reserved, available }))).toEqual([
      { onHand: STOCK, reserved: STOCK, available: 0 },
    ]);

    for (const server of [a, b]) {
      const verified = await ok<{ binDriftCount: number; summaryDriftCount: number }>(server, 'stock.verify', {});
      expect(verified).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
    }
  });
});
