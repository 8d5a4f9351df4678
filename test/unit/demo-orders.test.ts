import { describe, expect, it } from 'vitest';
import { seedShopWithOrders } from '../../src/main/demo/seed-orders';
import { paymentStatusOf, type Discount } from '../../src/shared/domain/orders';
import { priceOrder } from '../../src/main/services/orders/pricing';
import { checkTrackingNumber } from '../../src/shared/tracking/tracking-numbers';
import { deriveTracking } from '../../src/shared/domain/tracking-events';
import type { TrackingStatus } from '../../src/shared/domain/shipments';
import { failure, startTestApp, type TestApp } from '../helpers/test-app';

const ORDERS = 2000;
const TODAY = '2026-11-27';

async function seeded(seed: number, onSecondThread = false): Promise<TestApp> {
  const app = await startTestApp();
  await seedShopWithOrders(app, { orders: ORDERS, seed, today: TODAY, onSecondThread });
  return app;
}

/** What should come out the same for the same seed: every order's number, customer, status and money. */
async function fingerprint(app: TestApp) {
  return app.handle.db
    .selectFrom('orders')
    .select([
      'number',
      'customer_name',
      'channel',
      'status',
      'payment_status',
      'fulfilment_status',
      'grand_total',
      'paid_total',
      'refunded_total',
      'placed_at',
    ])
    .where('placed_at', '<', `${TODAY}T00:00:00Z`)
    .orderBy('number')
    .execute();
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The shop's calendar day (China, UTC+8) of an instant. */
function shopDate(iso: string): Date {
  return new Date(Date.parse(iso) + 8 * 3_600_000);
}

describe('the seeded order history', () => {
  it('is the same for the same seed (made on a worker thread or not), different for another, and refuses a database in use', async () => {
    const a = await seeded(7);
    const b = await seeded(7, true);
    const c = await seeded(8);
    const first = await fingerprint(a);
    expect(first).toHaveLength(ORDERS);
    expect(await fingerprint(b)).toEqual(first);
    expect(await fingerprint(c)).not.toEqual(first);
    const refused = await failure(seedShopWithOrders(a, { orders: 10, seed: 7, today: TODAY }));
    expect(refused.code).toBe('CONFLICT');
    expect(
      await a.handle.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    ).toEqual({ n: ORDERS + 12 });
  });

  it('has orders priced as priceOrder prices them, payments that add up, timelines, unique numbers, and no stock moved by history', async () => {
    const app = await seeded(3);
    const { db } = app.handle;
    const orders = await db.selectFrom('orders').selectAll().execute();
    const lines = await db.selectFrom('order_lines').selectAll().orderBy('line_no').execute();
    const payments = await db.selectFrom('payments').selectAll().execute();
    const events = await db.selectFrom('order_events').select(['order_id', 'kind']).execute();
    const rates = new Map([
      ['standard', 1300],
      ['reduced', 900],
    ]);
    const linesOf = groupBy(lines, (l) => l.order_id);
    const paymentsOf = groupBy(payments, (p) => p.order_id);
    const kindsOf = groupBy(events, (e) => e.order_id);
    expect(orders).toHaveLength(ORDERS + 12);
    expect(new Set(orders.map((o) => o.number)).size).toBe(orders.length);
    const channels = new Set<string>();
    const statuses = new Set<string>();
    for (const order of orders) {
      expect(order.number).toMatch(/^SO-\d{8}-[A-Z0-9]{1,4}-\d{4}$/);
      const own = linesOf.get(order.id) ?? [];
      expect(own.length).toBeGreaterThan(0);
      expect(order.grand_total).toBe(own.reduce((sum, l) => sum + l.total, 0) + order.shipping_total);
      const priced = priceOrder({
        lines: own.map((l) => ({
          unitPrice: l.unit_price,
          quantity: l.quantity,
          taxClass: l.tax_class,
          rateBasisPoints: rates.get(l.tax_class) ?? -1,
          discount: l.discount === null ? undefined : (JSON.parse(l.discount) as Discount),
        })),
        orderDiscount: order.order_discount === null ? undefined : (JSON.parse(order.order_discount) as Discount),
        shipping: order.ships
          ? { amount: order.shipping_amount, taxClass: order.shipping_tax_class, rateBasisPoints: 1300 }
          : undefined,
        pricesIncludeTax: true,
        rounding: 'half-up',
      });
      expect([priced.grandTotal, priced.taxTotal, priced.subtotal, priced.discountTotal]).toEqual([
        order.grand_total,
        order.tax_total,
        order.subtotal,
        order.discount_total,
      ]);
      expect(own.map((l) => [l.total, l.tax])).toEqual(priced.lines.map((l) => [l.total, l.tax]));
      const money = paymentsOf.get(order.id) ?? [];
      const paid = money.filter((p) => p.kind === 'payment').reduce((sum, p) => sum + p.amount, 0);
      const refunded = money.filter((p) => p.kind === 'refund').reduce((sum, p) => sum + p.amount, 0);
      expect([order.paid_total, order.refunded_total]).toEqual([paid, refunded]);
      expect(order.payment_status).toBe(paymentStatusOf(order.grand_total, paid, refunded));
      for (const p of money.filter((m) => m.kind === 'payment')) {
        const back = money.filter((r) => r.refund_of === p.id).reduce((sum, r) => sum + r.amount, 0);
        expect(p.refunded).toBe(back);
      }
      const kinds = (kindsOf.get(order.id) ?? []).map((e) => e.kind);
      expect(kinds).toContain('created');
      if (order.status === 'cancelled') expect(kinds).toContain('cancelled');
      if (order.status === 'completed') expect(kinds).toContain('completed');
      expect(kinds.filter((k) => k === 'payment')).toHaveLength(money.filter((p) => p.kind === 'payment').length);
      if (order.channel === 'counter') {
        expect([order.status, order.fulfilment_status, order.customer_phone_tail.length >= 0]).toEqual([
          'completed',
          'delivered',
          true,
        ]);
      }
      channels.add(order.channel);
      statuses.add(`${order.status}/${order.payment_status}`);
    }
    expect([...channels].sort()).toEqual(['api', 'counter', 'email', 'phone', 'web']);
    expect([...statuses]).toEqual(
      expect.arrayContaining([
        'completed/paid',
        'cancelled/unpaid',
        'cancelled/refunded',
        'completed/partially_refunded',
      ]),
    );

    // History moved no stock; the twelve open orders hold theirs through the ledger.
    const { client } = await app.signIn('owner', '1234');
    expect(await client.stock.verify({})).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
    const open = await client.orders.list({ status: ['confirmed'], fulfilmentStatus: ['unfulfilled'], limit: 100 });
    expect(open.total).toBe(12);
    for (const row of open.rows) {
      const order = await client.orders.get({ id: row.id });
      expect(order.lines.every((l) => l.reservedQuantity === l.quantity)).toBe(true);
    }
    const issuedForOrders = await db
      .selectFrom('stock_movements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reference_type', '=', 'order')
      .executeTakeFirstOrThrow();
    expect(issuedForOrders.n).toBe(0);
  });

  it('ships every parcel-going order that left the shop in one parcel of all its lines, with a number its carrier would issue', async () => {
    const app = await seeded(4);
    const { db } = app.handle;
    const shipped = await db
      .selectFrom('orders')
      .select(['id', 'status', 'fulfilment_status'])
      .where('ships', '=', 1)
      .where('status', '!=', 'cancelled')
      .where('placed_at', '<', `${TODAY}T00:00:00Z`)
      .execute();
    const parcels = await db
      .selectFrom('shipments')
      .innerJoin('carriers', 'carriers.id', 'shipments.carrier_id')
      .select([
        'shipments.id',
        'shipments.number',
        'shipments.order_id',
        'shipments.tracking_number',
        'shipments.tracking_status',
        'shipments.tracking_verified',
        'shipments.shipped_at',
        'shipments.delivered_at',
        'carriers.tracking_format',
      ])
      .execute();
    expect(shipped.length).toBeGreaterThan(500);
    expect(parcels.map((p) => p.order_id).sort()).toEqual(shipped.map((o) => o.id).sort());
    expect(new Set(parcels.map((p) => p.number)).size).toBe(parcels.length);
    const statusOf = new Map(shipped.map((o) => [o.id, o]));
    const events = await db.selectFrom('shipment_events').select(['shipment_id', 'status', 'occurred_at']).execute();
    const eventsOf = new Map<string, Array<{ status: TrackingStatus; occurredAt: string }>>();
    for (const e of events) {
      eventsOf.set(e.shipment_id, [
        ...(eventsOf.get(e.shipment_id) ?? []),
        { status: e.status, occurredAt: e.occurred_at },
      ]);
    }
    for (const parcel of parcels) {
      const check = checkTrackingNumber(parcel.tracking_number!, parcel.tracking_format!);
      expect(check.valid, parcel.tracking_number!).toBe(true);
      expect(parcel.tracking_verified).toBe(check.matches.some((m) => m.verified) ? 1 : 0);
      // Its status is what its tracking events say; delivered parcels belong to delivered orders.
      const derived = deriveTracking(eventsOf.get(parcel.id) ?? []);
      expect([parcel.tracking_status, parcel.delivered_at]).toEqual([derived.status, derived.deliveredAt]);
      const order = statusOf.get(parcel.order_id)!;
      expect(order.fulfilment_status).toBe(parcel.tracking_status === 'delivered' ? 'delivered' : 'shipped');
    }
    const unshippedLines = await db
      .selectFrom('order_lines')
      .innerJoin('orders', 'orders.id', 'order_lines.order_id')
      .leftJoin('shipment_lines', 'shipment_lines.order_line_id', 'order_lines.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orders.ships', '=', 1)
      .where('orders.status', '!=', 'cancelled')
      .where('orders.placed_at', '<', `${TODAY}T00:00:00Z`)
      .where((eb) =>
        eb.or([
          eb('shipment_lines.id', 'is', null),
          eb('shipment_lines.quantity', '!=', eb.ref('order_lines.quantity')),
        ]),
      )
      .executeTakeFirstOrThrow();
    expect(unshippedLines.n).toBe(0);

    // The next parcel numbered today follows the history's last one of the day.
    const lastDay = parcels
      .map((p) => p.number.slice(3, 11))
      .sort()
      .at(-1)!;
    const lastOfDay = parcels.filter((p) => p.number.includes(`-${lastDay}-`)).length;
    const sequence = await db
      .selectFrom('document_sequences')
      .select('last')
      .where('kind', '=', 'SH')
      .where('day', '=', lastDay)
      .executeTakeFirstOrThrow();
    expect(sequence.last).toBe(lastOfDay);
  });

  it('has seasons: December over July, weekend counters over weekdays, and the orders list pages over it', async () => {
    const app = await seeded(5);
    const orders = await app.handle.db
      .selectFrom('orders')
      .select(['placed_at', 'channel'])
      .where('placed_at', '<', `${TODAY}T00:00:00Z`)
      .execute();
    const inMonth = (month: number) => orders.filter((o) => shopDate(o.placed_at).getUTCMonth() === month).length;
    // Two Decembers and two Julys in the two years before 27 November 2026.
    expect(inMonth(11)).toBeGreaterThan(1.4 * inMonth(6));
    const counter = orders.filter((o) => o.channel === 'counter').map((o) => shopDate(o.placed_at).getUTCDay());
    const perDay = (days: number[]) => counter.filter((d) => days.includes(d)).length / days.length;
    expect(perDay([0, 6])).toBeGreaterThan(1.3 * perDay([1, 2, 3, 4]));

    const { client } = await app.signIn('manager', '2345');
    const first = await client.orders.list({ limit: 100 });
    expect(first.total).toBe(ORDERS + 12);
    const all = await app.handle.db
      .selectFrom('orders')
      .select('number')
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(first.rows.map((r) => r.number)).toEqual(all.slice(0, 100).map((r) => r.number));
    const deep = await client.orders.list({ offset: 1500, limit: 100 });
    expect(deep.rows.map((r) => r.number)).toEqual(all.slice(1500, 1600).map((r) => r.number));
    const next = await client.orders.list({ cursor: deep.nextCursor ?? '', limit: 100 });
    expect(next.rows.map((r) => r.number)).toEqual(all.slice(1600, 1700).map((r) => r.number));
    // Quick search: by the start of a number, by phone (however written), by part of a name.
    const web = (await client.orders.list({ channel: ['web'], limit: 1 })).rows[0];
    const buyer = await app.handle.db
      .selectFrom('customers')
      .select(['name', 'phone', 'phone_tail'])
      .where('id', '=', web.customerId)
      .executeTakeFirstOrThrow();
    const prefix = web.number.slice(0, 11).toLowerCase();
    const byNumber = await client.orders.list({ q: prefix, limit: 1000 });
    expect(byNumber.rows.map((r) => r.id)).toContain(web.id);
    expect(byNumber.rows.every((r) => r.number.startsWith(prefix.toUpperCase()))).toBe(true);
    const byPhone = await client.orders.list({ q: buyer.phone.replace(/\s/g, '-'), limit: 1000 });
    expect(byPhone.rows.map((r) => r.id)).toContain(web.id);
    const tails = await app.handle.db
      .selectFrom('orders')
      .select('customer_phone_tail')
      .where(
        'id',
        'in',
        byPhone.rows.map((r) => r.id),
      )
      .execute();
    expect(new Set(tails.map((t) => t.customer_phone_tail))).toEqual(new Set([buyer.phone_tail]));
    const part = buyer.name.slice(1, 3);
    const byName = await client.orders.list({ q: part, limit: 1000 });
    expect(byName.rows.map((r) => r.id)).toContain(web.id);
    expect(byName.rows.every((r) => r.customerName.includes(part))).toBe(true);
    const byTotal = await client.orders.list({ sort: 'grandTotal', direction: 'desc', channel: ['web'], limit: 5 });
    expect(byTotal.rows.map((r) => r.grandTotal)).toEqual(
      [...byTotal.rows.map((r) => r.grandTotal)].sort((x, y) => y - x),
    );
  });
});
