import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/main/services/ids';
import { ORDER_SORT_COLUMNS, type OrderSortColumn } from '../../src/shared/domain/order-list';
import {
  FULFILMENT_STATUSES,
  ORDER_CHANNELS,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  type OrderSummary,
} from '../../src/shared/domain/orders';
import { WALK_IN_CUSTOMER_ID } from '../../src/shared/domain/customers';
import { startTestApp } from '../helpers/test-app';

const COUNT = 2600;

/**
 * 2,600 orders written straight into the table (the grid reads only the orders table),
 * with many equal values per column so the id tie-breaker matters.
 */
async function manyOrders() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  const { customer } = await client.customers.create({ name: 'Zhang Wei', phone: '+86 139 1234 5678' });
  const random = fc.sample(fc.integer({ min: 0, max: 1_000_000 }), { numRuns: COUNT * 6, seed: 42 });
  const pick = <T>(values: readonly T[], i: number): T => values[random[i] % values.length];
  const rows = Array.from({ length: COUNT }, (_, i) => {
    const day = String(1 + (random[i * 6] % 28)).padStart(2, '0');
    const named = random[i * 6 + 1] % 3 === 0;
    return {
      id: newId(),
      number: `SO-202610${day}-T${random[i * 6 + 2] % 3}-${String(i).padStart(4, '0')}`,
      channel: pick(ORDER_CHANNELS, i * 6 + 3),
      source: '',
      terminal: 'T',
      status: pick(ORDER_STATUSES, i * 6 + 4),
      payment_status: pick(PAYMENT_STATUSES, i * 6 + 5),
      fulfilment_status: pick(FULFILMENT_STATUSES, i * 6 + 1),
      customer_id: named ? customer.id : WALK_IN_CUSTOMER_ID,
      customer_name: named ? customer.name : 'Walk-in',
      customer_phone_tail: named ? '12345678' : '',
      warehouse_id: null,
      currency: 'CNY',
      prices_include_tax: 1,
      rounding: 'half-up' as const,
      order_discount: null,
      subtotal: 0,
      discount_total: 0,
      shipping_total: 0,
      shipping_tax: 0,
      taxes: '[]',
      shipping_method: '',
      shipping_amount: 0,
      shipping_tax_class: 'standard',
      tax_total: 0,
      grand_total: (random[i * 6 + 2] % 40) * 500,
      ships: 0,
      notes: '',
      promised_date: null,
      placed_at: `2026-10-${day}T0${random[i * 6 + 3] % 10}:00:00.000Z`,
      confirmed_at: null,
      completed_at: null,
      cancelled_at: null,
      created_by: null,
      created_at: '2026-11-27T00:00:00.000Z',
      updated_at: '2026-11-27T00:00:00.000Z',
    };
  });
  for (let i = 0; i < rows.length; i += 200) {
    await app.handle.db
      .insertInto('orders')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  return { app, client, rows };
}

const FIELD: Record<OrderSortColumn, keyof OrderSummary> = {
  placedAt: 'placedAt',
  number: 'number',
  customerName: 'customerName',
  grandTotal: 'grandTotal',
  status: 'status',
  paymentStatus: 'paymentStatus',
  fulfilmentStatus: 'fulfilmentStatus',
  channel: 'channel',
};

/** The order the grid must show, worked out in plain code: the column, then placed time for enums, then id. */
function expected(rows: OrderSummary[], sort: OrderSortColumn, direction: 'asc' | 'desc'): string[] {
  const enumLike = ['status', 'paymentStatus', 'fulfilmentStatus', 'channel'].includes(sort);
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows]
    .sort(
      (a, b) =>
        sign *
        (compare(a[FIELD[sort]] as string | number, b[FIELD[sort]] as string | number) ||
          (enumLike ? compare(a.placedAt, b.placedAt) : 0) ||
          compare(a.id, b.id)),
    )
    .map((r) => r.id);
}

describe('the order list', () => {
  it('gives the same rows at any depth, by offset or by cursor, on every sortable column', async () => {
    const { client } = await manyOrders();
    const all = (await client.orders.list({ limit: 1000 })).total;
    expect(all).toBe(COUNT);
    const everything: OrderSummary[] = [];
    for (let offset = 0; offset < COUNT; offset += 1000) {
      everything.push(...(await client.orders.list({ offset, limit: 1000, sort: 'number', direction: 'asc' })).rows);
    }
    for (const sort of ORDER_SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const truth = expected(everything, sort, direction);
        for (const offset of [0, 999, 1000, 1001, 1999, 2550]) {
          const page = await client.orders.list({ sort, direction, offset, limit: 100 });
          expect(
            page.rows.map((r) => r.id),
            `${sort} ${direction} @${offset}`,
          ).toEqual(truth.slice(offset, offset + 100));
        }
        let cursor: string | undefined;
        const walked: string[] = [];
        for (;;) {
          const page = await client.orders.list({ sort, direction, limit: 700, cursor });
          walked.push(...page.rows.map((r) => r.id));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(walked, `${sort} ${direction} by cursor`).toEqual(truth);
      }
    }
  });

  it('pages a filtered list sorted on another column between its anchors, the first pages too', async () => {
    const { client } = await manyOrders();
    const everything: OrderSummary[] = [];
    for (let offset = 0; offset < COUNT; offset += 1000) {
      everything.push(...(await client.orders.list({ offset, limit: 1000, sort: 'number', direction: 'asc' })).rows);
    }
    const kept = everything.filter((r) => r.channel !== 'import');
    const channels = ['counter', 'phone', 'email', 'web', 'api'] as const;
    for (const sort of ['grandTotal', 'customerName', 'number', 'status'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const truth = expected(kept, sort, direction);
        expect(truth.length).toBeGreaterThan(2000);
        for (const offset of [0, 50, 950, 990, 1000, 1950, truth.length - 30]) {
          const page = await client.orders.list({ channel: [...channels], sort, direction, offset, limit: 100 });
          expect(page.total).toBe(truth.length);
          expect(
            page.rows.map((r) => r.id),
            `${sort} ${direction} @${offset}`,
          ).toEqual(truth.slice(offset, offset + 100));
        }
      }
    }
  });

  it('filters, searches and counts, and sees a new order at once', async () => {
    const { client, rows } = await manyOrders();
    const confirmedOrHeld = rows.filter((r) => r.status === 'confirmed' || r.status === 'on_hold');
    const page = await client.orders.list({ status: ['confirmed', 'on_hold'], offset: 1000, limit: 50 });
    expect(page.total).toBe(confirmedOrHeld.length);
    expect(page.rows.every((r) => r.status === 'confirmed' || r.status === 'on_hold')).toBe(true);
    const ranged = rows.filter(
      (r) => r.placed_at >= '2026-10-10' && r.placed_at < '2026-10-13' && r.grand_total >= 5000,
    );
    const inRange = await client.orders.list({ from: '2026-10-10', to: '2026-10-12', minTotal: 5000, limit: 1000 });
    expect(inRange.rows.map((r) => r.id).sort()).toEqual(ranged.map((r) => r.id).sort());
    const byName = await client.orders.list({ q: 'zhang', limit: 1000 });
    expect(byName.total).toBe(rows.filter((r) => r.customer_name === 'Zhang Wei').length);
    expect((await client.orders.list({ q: '13912345678', limit: 1 })).total).toBe(byName.total);
    // '_' and '%' are letters in a search, not wildcards.
    expect((await client.orders.list({ q: 'zhan_' })).total).toBe(0);
    const byNumber = await client.orders.list({ q: rows[7].number.toLowerCase() });
    expect(byNumber.rows.map((r) => r.id)).toEqual([rows[7].id]);

    const deep = await client.orders.list({ offset: 2000, limit: 10 });
    await client.warehouses.create({ code: 'MAIN', name: 'Main' });
    const product = await client.products.create({ sku: 'NEW', name: 'New', unitPrice: 100 });
    const created = await client.orders.create({ lines: [{ productId: product.id, quantity: 1 }] });
    const after = await client.orders.list({ offset: 2001, limit: 10 });
    expect(after.total).toBe(COUNT + 1);
    expect(after.rows.map((r) => r.id)).toEqual(deep.rows.map((r) => r.id));
    expect((await client.orders.list({ limit: 1 })).rows[0].id).toBe(created.id);
    const badCursor = await client.orders.list({ limit: 1, sort: 'number' }).then((p) => p.nextCursor ?? '');
    await expect(client.orders.list({ cursor: badCursor })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
