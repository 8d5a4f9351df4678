import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpServer, listen } from '../../src/main/http/server';
import type { Client } from '../../src/shared/client';
import { pastOrder } from '../helpers/demand';
import { product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

/** A local calendar date `days` before today. */
function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

async function finished(client: Client, id: string) {
  for (;;) {
    const run = await client.forecasts.run({ id });
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function shopWithHistory() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  const db = app.handle.db;
  const north = await warehouseWithBins(client, 'NORTH');
  const south = await warehouseWithBins(client, 'SOUTH');
  const teaHouse = await client.suppliers.create({ name: 'Tea House', leadTimeDays: 14 });
  const potters = await client.suppliers.create({ name: 'Potters', leadTimeDays: 21 });
  const tea = await product(client, { sku: 'TEA', supplierId: teaHouse.id });
  const matcha = await product(client, { sku: 'MATCHA', supplierId: teaHouse.id, leadTimeDays: 7 });
  const cup = await product(client, { sku: 'CUP', supplierId: potters.id });
  const loose = await product(client, { sku: 'LOOSE' });
  // Sixty weeks of steady sales: tea 20 a week from north and 10 from south, matcha and cups 10 from north.
  for (let week = 1; week <= 60; week += 1) {
    const date = daysAgo(week * 7);
    await pastOrder(db, {
      date,
      warehouseId: north.id,
      lines: [
        { productId: tea.id, quantity: 20 },
        { productId: matcha.id, quantity: 10 },
        { productId: cup.id, quantity: 10 },
        { productId: loose.id, quantity: 5 },
      ],
    });
    await pastOrder(db, { date, warehouseId: south.id, lines: [{ productId: tea.id, quantity: 10 }] });
  }
  for (const item of [tea, matcha, cup, loose]) {
    await client.stock.receive({ productId: item.id, warehouseId: north.id, quantity: 5, unitCost: 800 });
  }
  return { app, client, north, south, teaHouse, potters, tea, matcha, cup, loose };
}

describe('forecast runs', () => {
  it('forecasts every product per warehouse and over all on worker threads, and stores the forecasts', async () => {
    const { client, north, south, tea, cup } = await shopWithHistory();
    const started = await client.forecasts.start({ bucket: 'week' });
    expect(started.status).toBe('running');
    await expect(client.forecasts.start({ bucket: 'week' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const run = await finished(client, started.id);
    // tea: north, south, all; matcha, cup, loose: north and all (forecast once, stored twice).
    expect(run).toMatchObject({ status: 'done', seriesTotal: 9, seriesDone: 9, seriesFailed: 0 });
    expect((await client.forecasts.runs({}))[0].id).toBe(run.id);

    const all = await client.forecasts.list({ scope: 'all', bucket: 'week' });
    expect(all.map((r) => r.sku)).toEqual(['CUP', 'LOOSE', 'MATCHA', 'TEA']);
    const teaRow = all.find((r) => r.productId === tea.id);
    // 30 a week is about 128.6 in 30 days; whatever the model, a steady series forecasts near it.
    expect(teaRow?.next30).toBeGreaterThan(110);
    expect(teaRow?.next30).toBeLessThan(145);
    expect(teaRow?.onHand).toBe(5);
    expect(teaRow?.daysOfCover).toBeCloseTo(5 / ((teaRow?.next30 ?? 1) / 30), 6);
    const southRows = await client.forecasts.list({ scope: south.id, bucket: 'week' });
    expect(southRows.map((r) => r.productId)).toEqual([tea.id]);
    expect((await client.forecasts.list({ scope: north.id, bucket: 'week' })).length).toBe(4);
    const cupNorth = (await client.forecasts.list({ scope: north.id, bucket: 'week' })).find(
      (r) => r.productId === cup.id,
    );
    expect(cupNorth?.method).toBe(all.find((r) => r.productId === cup.id)?.method);
  });

  it('lets clerks read forecasts but not run them or order from them', async () => {
    const { app, client, north, tea } = await shopWithHistory();
    await client.users.create({ username: 'clerk', displayName: 'Clerk', role: 'clerk', secret: '24680' });
    const clerk = (await app.signIn('clerk', '24680')).client;
    expect((await failure(clerk.forecasts.start({ bucket: 'week' }))).code).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          clerk.forecasts.createPurchaseOrders({ lines: [{ productId: tea.id, warehouseId: north.id, quantity: 1 }] }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(await clerk.forecasts.runs({})).toEqual([]);
    expect(await clerk.forecasts.list({ scope: 'all', bucket: 'week' })).toEqual([]);
  });

  it('stops a run on cancel and keeps it cancelled', async () => {
    const { client } = await shopWithHistory();
    const started = await client.forecasts.start({ bucket: 'day' });
    const cancelled = await client.forecasts.cancel({ id: started.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.seriesDone).toBeLessThan(9);
    const error = await failure(client.forecasts.cancel({ id: started.id }));
    expect(error.code).toBe('INVALID_STATE');
  });

  it('charts one product: history with stock-outs, fitted values, forecast with bands, model and backtest error', async () => {
    const { client, tea } = await shopWithHistory();
    const chart = await client.forecasts.chart({ productId: tea.id, scope: 'all', bucket: 'week' });
    expect(chart.history?.values.length).toBe(chart.history?.periods.length);
    expect(chart.history?.values.slice(-1)).toEqual([30]);
    expect(chart.history?.fitted.length).toBe(chart.history?.values.length);
    expect(chart.forecast?.values.length).toBe(26);
    expect(chart.forecast?.periods.length).toBe(26);
    for (let h = 0; h < 26; h += 1) {
      const f = chart.forecast;
      expect(
        f && f.lo95[h] <= f.lo80[h] && f.lo80[h] <= f.values[h] && f.values[h] <= f.hi80[h] && f.hi80[h] <= f.hi95[h],
      ).toBe(true);
    }
    expect(chart.forecast?.method).not.toBe('');
    expect(chart.forecast?.origins).toBeGreaterThan(0);
    // The chart's forecast is stored like a run's.
    expect((await client.forecasts.list({ scope: 'all', bucket: 'week' })).map((r) => r.productId)).toEqual([tea.id]);
    const missing = await failure(client.forecasts.chart({ productId: 'nope', scope: 'all', bucket: 'week' }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('reorder suggestions and draft purchase orders', () => {
  it('suggests per product × warehouse and turns accepted suggestions into drafts grouped by supplier', async () => {
    const { client, north, teaHouse, potters, tea, matcha, cup, loose } = await shopWithHistory();
    await finished(client, (await client.forecasts.start({ bucket: 'week' })).id);
    const suggestions = await client.forecasts.suggestions({});
    const teaNorth = suggestions.find((s) => s.productId === tea.id && s.warehouseId === north.id);
    expect(teaNorth).toMatchObject({ supplierId: teaHouse.id, leadTimeDays: 14, onHand: 5, onOrder: 0, unitCost: 800 });
    // Matcha's own lead time beats its supplier's.
    expect(suggestions.find((s) => s.productId === matcha.id)?.leadTimeDays).toBe(7);
    for (const s of suggestions) {
      expect(s.reorderPoint).toBe(Math.ceil(s.leadTimeDemand + s.safetyStock));
      expect(s.suggested).toBe(Math.max(0, s.orderUpTo - s.position));
    }
    // The south warehouse has no stock of tea at all: it is suggested too.
    expect(suggestions.filter((s) => s.productId === tea.id).length).toBe(2);

    const noSupplier = await failure(
      client.forecasts.createPurchaseOrders({ lines: [{ productId: loose.id, warehouseId: north.id, quantity: 5 }] }),
    );
    expect(noSupplier.code).toBe('VALIDATION');
    expect(noSupplier.details).toMatchObject({ issues: [{ path: 'lines.0.productId' }] });
    expect(await client.purchaseOrders.list({})).toEqual([]);

    const accepted = suggestions.filter((s) => s.warehouseId === north.id && s.supplierId !== null);
    const orders = await client.forecasts.createPurchaseOrders({
      lines: accepted.map((s) => ({ productId: s.productId, warehouseId: s.warehouseId, quantity: s.suggested })),
    });
    expect(orders.map((o) => o.supplierId).sort()).toEqual([teaHouse.id, potters.id].sort());
    expect(orders.every((o) => o.status === 'draft' && o.warehouseId === north.id)).toBe(true);
    const teaOrder = orders.find((o) => o.supplierId === teaHouse.id);
    expect(teaOrder?.lines.map((l) => l.productId).sort()).toEqual([tea.id, matcha.id].sort());
    expect(teaOrder?.lines.find((l) => l.productId === tea.id)).toMatchObject({
      quantityOrdered: teaNorth?.suggested,
      unitCost: 800,
    });
    expect(orders.find((o) => o.supplierId === potters.id)?.lines.map((l) => l.productId)).toEqual([cup.id]);

    // The drafts count as on order at once, so nothing is suggested twice; so do they once sent.
    const afterDrafts = await client.forecasts.suggestions({ warehouseId: north.id, onlyToOrder: false });
    expect(afterDrafts.find((s) => s.productId === tea.id)).toMatchObject({
      onOrder: teaNorth?.suggested,
      suggested: 0,
    });
    for (const order of orders) await client.purchaseOrders.order({ id: order.id });
    const after = await client.forecasts.suggestions({ warehouseId: north.id, onlyToOrder: false });
    const teaAfter = after.find((s) => s.productId === tea.id);
    expect(teaAfter?.onOrder).toBe(teaNorth?.suggested);
    expect(teaAfter?.suggested).toBe(0);
  });

  it('keeps the replenishment policy in the settings and refuses a bad one', async () => {
    const { client } = await shopWithHistory();
    expect((await client.forecasts.settings({})).serviceLevelPercent).toBe(95);
    const changed = await client.forecasts.updateSettings({ serviceLevelPercent: 99, orderingCost: 2000 });
    expect(changed).toMatchObject({ serviceLevelPercent: 99, orderingCost: 2000, holdingRatePercent: 25 });
    expect(await client.forecasts.settings({})).toEqual(changed);
    const bad = await failure(client.forecasts.updateSettings({ serviceLevelPercent: 120 }));
    expect(bad.code).toBe('VALIDATION');
    expect(await client.forecasts.settings({})).toEqual(changed);
  });
});

describe('forecasts over the readable HTTP routes', () => {
  it('starts and follows a run, lists forecasts, reads and changes the policy, orders suggestions', async () => {
    const { app, north, tea, teaHouse } = await shopWithHistory();
    const server = createHttpServer({
      router: app.router,
      version: '1',
      rendererDir: app.folder,
      log: () => undefined,
    });
    const address: AddressInfo = await listen(server, 0, '127.0.0.1');
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { token } = await app.signIn('boss', '13579');
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`http://127.0.0.1:${address.port}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    const started = await call('POST', '/forecast-runs', { bucket: 'week' });
    expect(started.status).toBe(200);
    const id = (started.body as { id: string }).id;
    let run = started.body as { status: string };
    while (run.status === 'running') run = (await call('GET', `/forecast-runs/${id}`)).body as { status: string };
    expect(run.status).toBe('done');
    expect((await call('POST', `/forecast-runs/${id}/cancel`)).status).toBe(409);
    const list = (await call('GET', `/forecasts?scope=${north.id}&bucket=week`)).body as Array<{ productId: string }>;
    expect(list.map((r) => r.productId)).toContain(tea.id);
    expect(((await call('GET', '/replenishment-settings')).body as { bucket: string }).bucket).toBe('week');
    expect((await call('PATCH', '/replenishment-settings', { serviceLevelPercent: 40 })).status).toBe(422);
    const suggestions = (await call('GET', `/reorder-suggestions?warehouseId=${north.id}&onlyToOrder=false`))
      .body as Array<{ productId: string; suggested: number }>;
    const teaLine = suggestions.find((s) => s.productId === tea.id);
    expect(teaLine?.suggested).toBeGreaterThan(0);
    const created = await call('POST', '/reorder-suggestions/purchase-orders', {
      lines: [{ productId: tea.id, warehouseId: north.id, quantity: teaLine?.suggested }],
    });
    expect(created.body).toMatchObject([{ supplierId: teaHouse.id, status: 'draft' }]);
  });
});
