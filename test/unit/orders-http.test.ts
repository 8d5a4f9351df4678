import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpServer, listen } from '../../src/main/http/server';
import { product, warehouseWithBins } from '../helpers/shop';
import { startTestApp } from '../helpers/test-app';

/** The real HTTP transport over a shop with one product in stock. */
async function startShop() {
  const app = await startTestApp({ serverToken: 'server-token' });
  const client = app.clientWith('server-token');
  await app.setUpOwner();
  const main = await warehouseWithBins(client);
  const tea = await product(client, { unitPrice: 1000 });
  await client.stock.receive({ productId: tea.id, warehouseId: main.id, quantity: 10 });
  const server = createHttpServer({ router: app.router, version: '1', rendererDir: app.folder, log: () => undefined });
  const address: AddressInfo = await listen(server, 0, '127.0.0.1');
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${address.port}/api${path}`, {
      method,
      headers: { authorization: 'Bearer server-token', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { id: string } };
  };
  return { call, tea };
}

describe('orders over the readable HTTP routes', () => {
  it('creates, finds by number, lists with filters, confirms, pays, refunds, returns and cancels', async () => {
    const { call, tea } = await startShop();
    const created = await call('POST', '/orders', {
      channel: 'web',
      lines: [{ productId: tea.id, quantity: 2 }],
      grandTotal: 1,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'draft', grandTotal: 2000, channel: 'web' });
    const number = created.body.number as string;
    expect((await call('GET', `/orders/${number}`)).body.id).toBe(created.body.id);
    expect((await call('POST', `/orders/${number}/confirm`)).body.status).toBe('confirmed');

    const listed = await call('GET', '/orders?status=confirmed,on_hold&channel=web&q=' + number.slice(0, 11));
    expect(listed.body).toMatchObject({ total: 1, rows: [{ number, status: 'confirmed' }] });
    expect((await call('GET', '/orders?status=draft')).body.total).toBe(0);
    expect((await call('GET', '/orders?status=lost')).status).toBe(422);

    const paid = await call('POST', `/orders/${number}/payments`, { method: 'cash', amount: 2000, tendered: 2500 });
    expect(paid.body).toMatchObject({ paymentStatus: 'paid' });
    expect((await call('POST', `/orders/${number}/complete`)).body.fulfilmentStatus).toBe('delivered');
    const lines = created.body.lines as Array<{ id: string }>;
    const rma = await call('POST', '/returns', {
      lines: [{ orderLineId: lines[0].id, quantity: 1, reason: 'unwanted' }],
    });
    expect(rma.status).toBe(200);
    expect((await call('GET', `/returns/${rma.body.number as string}`)).body.status).toBe('requested');
    const refund = await call('POST', `/orders/${number}/refunds`, { amount: 500, reason: 'Goodwill' });
    expect(refund.body).toMatchObject({ paymentStatus: 'partially_refunded', refundedTotal: 500 });
    const timeline = await call('GET', `/orders/${number}/timeline`);
    expect((timeline.body as unknown as Array<{ kind: string }>).map((e) => e.kind)).toContain('return_requested');

    const second = await call('POST', '/orders', { lines: [{ productId: tea.id, quantity: 1 }], confirm: true });
    const cancelled = await call('POST', `/orders/${second.body.id}/cancel`, { reason: 'Duplicate' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    const again = await call('POST', `/orders/${second.body.id}/confirm`);
    expect(again).toMatchObject({ status: 409, body: { code: 'INVALID_STATE' } });
    expect((await call('GET', '/orders/SO-00000000-X-0001')).status).toBe(404);
  });
});
