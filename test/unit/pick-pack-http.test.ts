import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpServer, listen } from '../../src/main/http/server';
import { product, warehouseWithBins } from '../helpers/shop';
import { startTestApp } from '../helpers/test-app';

/** A handheld scanner app's calls: the readable pick-list and packing routes over the real HTTP transport. */
describe('pick lists and packing over the readable HTTP routes', () => {
  it('makes a list, scans it, opens an order at the pack station and packs it, refusing a wrong item', async () => {
    const app = await startTestApp({ serverToken: 'server-token' });
    const client = app.clientWith('server-token');
    await app.setUpOwner();
    const main = await warehouseWithBins(client);
    const tea = await product(client, { barcode: '6901234567892' });
    const cup = await product(client);
    await client.stock.receive({ productId: tea.id, warehouseId: main.id, quantity: 10 });
    const order = await client.orders.create({
      warehouseId: main.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 1 }],
    });
    const server = createHttpServer({
      router: app.router,
      version: '1',
      rendererDir: app.folder,
      log: () => undefined,
    });
    const address: AddressInfo = await listen(server, 0, '127.0.0.1');
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`http://127.0.0.1:${address.port}/api${path}`, {
        method,
        headers: { authorization: 'Bearer server-token', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    const pickable = await call('GET', `/pickable-orders?warehouseId=${main.id}`);
    expect(pickable.body).toMatchObject([{ number: order.number, units: 1 }]);
    const list = await call('POST', '/pick-lists', { orders: [order.number] });
    expect(list.status).toBe(200);
    const number = list.body.number as string;
    const scanned = await call('POST', `/pick-lists/${number}/scan`, { code: '6901234567892' });
    expect(scanned.body).toMatchObject({ tote: 1, pickList: { picked: 1, units: 1 } });
    const over = await call('POST', `/pick-lists/${number}/scan`, { code: '6901234567892' });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'over_pick' } });
    expect((await call('POST', `/pick-lists/${number}/complete`)).body.status).toBe('done');
    expect((await call('GET', '/pick-lists?status=done')).body).toMatchObject([{ number, picked: 1 }]);

    expect((await call('GET', `/packing/${order.number}`)).body).toMatchObject({
      fulfilmentStatus: 'picking',
      lines: [{ toPack: 1 }],
    });
    const wrong = await call('POST', `/packing/${order.number}/scan`, { code: cup.sku });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'not_on_order' } });
    const packing = await call('POST', `/packing/${order.number}/scan`, { code: tea.sku });
    const open = packing.body.openPackage as { number: string };
    const closed = await call('POST', `/packages/${open.number}/close`, {
      weightGrams: 420,
      lengthMm: 200,
      widthMm: 120,
      heightMm: 80,
    });
    expect(closed.body).toMatchObject({
      fulfilmentStatus: 'packed',
      packages: [{ stage: 'packed', weightGrams: 420 }],
    });
  });
});
