import { describe, expect, it } from 'vitest';
import { dayOfIsoDate } from '../../src/main/services/forecasts/calendar';
import { ALL_SCOPE, demandHistory } from '../../src/main/services/forecasts/demand-history';
import { pastMovement, pastOrder, pastReturn } from '../helpers/demand';
import { product, warehouseWithBins } from '../helpers/shop';
import { startTestApp } from '../helpers/test-app';

/** Monday 2 March 2026: history ends with the week of 23 February. */
const TODAY = dayOfIsoDate('2026-03-02');

async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  const north = await warehouseWithBins(client, 'NORTH');
  const south = await warehouseWithBins(client, 'SOUTH');
  const tea = await product(client);
  const cup = await product(client);
  return { app, db: app.handle.db, ctx: { db: app.handle.db, actor: null }, north, south, tea, cup };
}

describe('demand history', () => {
  it('counts placed orders per product and warehouse in days, ISO weeks and months, zero-filled, net of received returns', async () => {
    const { db, ctx, north, south, tea, cup } = await shop();
    await pastOrder(db, { date: '2026-02-03', warehouseId: north.id, lines: [{ productId: tea.id, quantity: 4 }] });
    await pastOrder(db, { date: '2026-02-05', warehouseId: south.id, lines: [{ productId: tea.id, quantity: 2 }] });
    const sold = await pastOrder(db, {
      date: '2026-02-17',
      warehouseId: north.id,
      lines: [
        { productId: tea.id, quantity: 5 },
        { productId: cup.id, quantity: 1 },
      ],
    });
    // Neither a cancelled order, a draft, nor anything from today counts.
    await pastOrder(db, {
      date: '2026-02-18',
      warehouseId: north.id,
      status: 'cancelled',
      lines: [{ productId: tea.id, quantity: 50 }],
    });
    await pastOrder(db, {
      date: '2026-02-18',
      warehouseId: north.id,
      status: 'draft',
      lines: [{ productId: tea.id, quantity: 60 }],
    });
    await pastOrder(db, { date: '2026-03-02', warehouseId: north.id, lines: [{ productId: tea.id, quantity: 70 }] });
    // Two of the five came back (taken off the week they were sold); a return still only requested does not count.
    await pastReturn(db, {
      status: 'received',
      orderId: sold.orderId,
      orderLineId: sold.lineIds[0],
      productId: tea.id,
      quantity: 2,
    });
    await pastReturn(db, {
      status: 'requested',
      orderId: sold.orderId,
      orderLineId: sold.lineIds[0],
      productId: tea.id,
      quantity: 1,
    });

    const weekly = await demandHistory(ctx, { bucket: 'week', today: TODAY });
    const find = (productId: string, scope: string) =>
      weekly.find((s) => s.productId === productId && s.scope === scope);
    // ISO weeks from Monday 2 Feb: 2–8 Feb, 9–15, 16–22, 23 Feb–1 Mar.
    expect(find(tea.id, ALL_SCOPE)).toMatchObject({
      start: '2026-02-02',
      values: [6, 0, 3, 0],
      censored: [false, false, false, false],
    });
    expect(find(tea.id, north.id)).toMatchObject({ start: '2026-02-02', values: [4, 0, 3, 0] });
    expect(find(tea.id, south.id)).toMatchObject({ start: '2026-02-02', values: [2, 0, 0, 0] });
    expect(find(cup.id, ALL_SCOPE)).toMatchObject({ start: '2026-02-16', values: [1, 0] });
    expect(find(cup.id, south.id)).toBeUndefined();

    const monthly = await demandHistory(ctx, { bucket: 'month', today: TODAY, productIds: [tea.id] });
    expect(monthly.find((s) => s.scope === ALL_SCOPE)).toMatchObject({ start: '2026-02-01', values: [9] });
    expect(monthly.every((s) => s.productId === tea.id)).toBe(true);

    const daily = await demandHistory(ctx, { bucket: 'day', today: TODAY, productIds: [tea.id] });
    const all = daily.find((s) => s.scope === ALL_SCOPE);
    expect(all?.start).toBe('2026-02-03');
    expect(all?.values.length).toBe(27);
    expect(all?.values.slice(0, 3)).toEqual([4, 0, 2]);
    expect(all?.values[14]).toBe(3);
  });

  it('marks buckets where the product was out of stock for at least half the days as censored', async () => {
    const { db, ctx, north, tea } = await shop();
    const bin = north.locations[0].id;
    await pastOrder(db, { date: '2026-02-02', warehouseId: north.id, lines: [{ productId: tea.id, quantity: 3 }] });
    // 3 in on 2 Feb, sold out the same day; nothing until 5 more arrive on Thursday 12 Feb;
    // sold out again on Wednesday 18 Feb and back on Monday 23 Feb.
    await pastMovement(db, { date: '2026-02-02', productId: tea.id, locationId: bin, delta: 3 });
    await pastMovement(db, { date: '2026-02-02', productId: tea.id, locationId: bin, delta: -3 });
    await pastMovement(db, { date: '2026-02-12', productId: tea.id, locationId: bin, delta: 5 });
    await pastMovement(db, { date: '2026-02-18', productId: tea.id, locationId: bin, delta: -5 });
    await pastMovement(db, { date: '2026-02-23', productId: tea.id, locationId: bin, delta: 10 });
    await pastOrder(db, { date: '2026-02-18', warehouseId: north.id, lines: [{ productId: tea.id, quantity: 5 }] });

    const daily = await demandHistory(ctx, { bucket: 'day', today: TODAY, productIds: [tea.id] });
    const north_ = daily.find((s) => s.scope === north.id);
    // Out 3–11 Feb (day 1–9) and 19–22 Feb (day 17–20); the day stock arrives is not out.
    const outDays = north_?.censored.flatMap((c, i) => (c ? [i] : []));
    expect(outDays).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 17, 18, 19, 20]);

    const weekly = await demandHistory(ctx, { bucket: 'week', today: TODAY, productIds: [tea.id] });
    // Week of 2 Feb: 6 of 7 days out; 9 Feb: 3 of 7 (9–11); 16 Feb: 4 of 7 (19–22); 23 Feb: none.
    expect(weekly.find((s) => s.scope === north.id)?.censored).toEqual([true, false, true, false]);
    expect(weekly.find((s) => s.scope === ALL_SCOPE)?.censored).toEqual([true, false, true, false]);
  });

  it('never marks a product that may be backordered as out of stock', async () => {
    const { app, db, ctx, north } = await shop();
    const { client } = await app.signIn('boss', '13579');
    const preorder = await product(client, { allowBackorder: true });
    await pastOrder(db, {
      date: '2026-02-02',
      warehouseId: north.id,
      lines: [{ productId: preorder.id, quantity: 3 }],
    });
    await pastMovement(db, {
      date: '2026-02-02',
      productId: preorder.id,
      locationId: north.locations[0].id,
      delta: -3,
    });
    const weekly = await demandHistory(ctx, { bucket: 'week', today: TODAY, productIds: [preorder.id] });
    expect(weekly[0].censored).toEqual([false, false, false, false]);
  });
});
