// What the shipments screen and tracking cost: p50/p95 of the `shipments.list` pages the
// grid asks for (first page, deep offset, late only, a tracking-number search, an order
// search, a stage filter, sorted by promised date) through the router on N shipments,
// and tracking events per second through `shipments.addEvents` (one command each: dedupe,
// insert, derive the status, refresh the order's fulfilment).
// `npm run bench -- shipments [shipments] [events]` (defaults 100000 and 3000).
// Prints one JSON line; progress goes to stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import { startApp } from '../src/main/app';
import type { Database, ShipmentsTable } from '../src/main/database/schema';
import { inWriteTransaction } from '../src/main/database/transaction';
import { newId } from '../src/main/services/ids';
import { TRACKING_STATUSES } from '../src/shared/domain/shipments';
import type { User } from '../src/shared/domain/user';

const SHIPMENTS = Number(process.argv[2] ?? 100_000);
const EVENTS = Number(process.argv[3] ?? 3000);
const RUNS = 30;
const ORDERS = Math.ceil(SHIPMENTS / 2);
const log = (message: string) => console.error(message);
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** A small seeded generator, so every run builds the same shop. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertShipments(db: Kysely<Database>, rows: Insertable<ShipmentsTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await inWriteTransaction(db, async (trx) => {
      for (let j = 0; j < batch.length; j += 40)
        await trx
          .insertInto('shipments')
          .values(batch.slice(j, j + 40))
          .execute();
    });
  }
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'oms-bench-'));
  const app = await startApp({ databasePath: join(folder, 'bench.db'), serverToken: 'bench' });
  try {
    const { db } = app.handle;
    const session = (await app.router.call(
      'auth.setup',
      {
        owner: { username: 'owner', displayName: 'Owner', secret: '1234' },
        store: { storeName: 'Bench', currency: 'CNY', locale: 'en', pricesIncludeTax: true },
      },
      { transport: 'http', credential: null },
    )) as { token: string; user: User };
    const owner = { transport: 'http' as const, credential: await app.router.credentialFor(session.token) };
    const call = <T>(operation: string, input: unknown) =>
      app.router.call(operation as never, input as never, owner) as Promise<T>;

    const warehouse = await call<{ id: string }>('warehouses.create', { code: 'MAIN', name: 'Main' });
    const product = await call<{ id: string }>('products.create', { sku: 'TEA', name: 'Tea', unitPrice: 1000 });
    // One order through the real operation, copied raw: an order to every two parcels, as shops see.
    const template = await call<{ id: string }>('orders.create', {
      warehouseId: warehouse.id,
      lines: [{ productId: product.id, quantity: 1 }],
    });
    const orderRow = await db.selectFrom('orders').selectAll().where('id', '=', template.id).executeTakeFirstOrThrow();
    const lineRow = await db
      .selectFrom('order_lines')
      .selectAll()
      .where('order_id', '=', template.id)
      .executeTakeFirstOrThrow();
    const orders: Array<{ id: string; number: string; lineId: string }> = [];
    for (let i = 0; i < ORDERS; i++)
      orders.push({ id: newId(), number: `SO-BENCH-${String(i).padStart(7, '0')}`, lineId: newId() });
    for (let i = 0; i < orders.length; i += 2000) {
      const batch = orders.slice(i, i + 2000);
      await inWriteTransaction(db, async (trx) => {
        for (const order of batch) {
          await trx
            .insertInto('orders')
            .values({ ...orderRow, id: order.id, number: order.number })
            .execute();
          await trx
            .insertInto('order_lines')
            .values({ ...lineRow, id: order.lineId, order_id: order.id })
            .execute();
        }
      });
    }
    const carriers = await db.selectFrom('carriers').select('id').execute();
    log(`seeding ${SHIPMENTS} shipments`);
    const next = random(7);
    // A year of parcels up to today, five minutes apart, each promised three days out: the old
    // ones nearly all delivered, the last week's on their way, so few are late, as in a shop.
    const step = Math.floor((365 * 86_400_000) / SHIPMENTS);
    const start = Date.now() - SHIPMENTS * step;
    const rows: Insertable<ShipmentsTable>[] = [];
    const lines: Array<{
      id: string;
      shipment_id: string;
      order_line_id: string;
      product_id: string;
      quantity: number;
    }> = [];
    for (let i = 0; i < SHIPMENTS; i++) {
      const order = orders[i % ORDERS];
      const at = new Date(start + i * step).toISOString();
      const recent = start + i * step > Date.now() - 7 * 86_400_000;
      const stage = recent && next() < 0.2 ? 'packed' : next() < 0.02 ? 'cancelled' : 'shipped';
      const status =
        stage !== 'shipped'
          ? null
          : !recent && next() < 0.97
            ? 'delivered'
            : TRACKING_STATUSES[Math.floor(next() * TRACKING_STATUSES.length)];
      const shipped = stage === 'shipped';
      const id = newId();
      rows.push({
        id,
        number: `SH-${at.slice(0, 10).replace(/-/g, '')}-${String(i).padStart(6, '0')}`,
        order_id: order.id,
        warehouse_id: warehouse.id,
        stage,
        tracking_status: status,
        carrier_id: carriers[i % carriers.length].id,
        tracking_number: `SF${String(1_000_000_000_000 + i)}`,
        promised_date: new Date(start + i * step + 3 * 86_400_000).toISOString().slice(0, 10),
        shipped_at: shipped ? at : null,
        created_at: at,
        updated_at: at,
      });
      lines.push({ id: newId(), shipment_id: id, order_line_id: order.lineId, product_id: product.id, quantity: 1 });
    }
    await insertShipments(db, rows);
    for (let i = 0; i < lines.length; i += 5000) {
      const batch = lines.slice(i, i + 5000);
      await inWriteTransaction(db, async (trx) => {
        for (let j = 0; j < batch.length; j += 150)
          await trx
            .insertInto('shipment_lines')
            .values(batch.slice(j, j + 150))
            .execute();
      });
    }

    const cases: Record<string, unknown> = {
      firstPage: {},
      offset50k: { offset: Math.min(50_000, SHIPMENTS - 100) },
      lateOnly: { late: true },
      lateOnlyDeep: { late: true, offset: 1000 },
      trackingNumber: { q: rows[Math.floor(SHIPMENTS / 2)].tracking_number },
      orderNumber: { q: orders[3].number },
      stageShipped: { stage: 'shipped' },
      exceptions: { trackingStatus: 'exception' },
      byPromisedDate: { sort: 'promisedDate', direction: 'asc' },
    };
    const grid: Record<string, { p50: number; p95: number; total: number }> = {};
    for (const [name, input] of Object.entries(cases)) {
      const times: number[] = [];
      let total = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = process.hrtime.bigint();
        const page = await call<{ total: number; rows: unknown[] }>('shipments.list', {
          limit: 100,
          ...(input as object),
        });
        times.push(ms(started));
        total = page.total;
      }
      times.sort((a, b) => a - b);
      grid[name] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), total };
      log(`${name}: p50 ${grid[name].p50} ms, p95 ${grid[name].p95} ms (${total} rows)`);
    }

    // Events: a few per parcel, out of order, through the real command; the baseline inserts the same rows raw.
    const shipped = rows.filter((row) => row.stage === 'shipped').slice(0, Math.ceil(EVENTS / 3));
    const journey = ['in_transit', 'picked_up', 'out_for_delivery'] as const;
    let started = process.hrtime.bigint();
    let posted = 0;
    for (const [i, row] of shipped.entries()) {
      for (const [k, status] of journey.entries()) {
        if (posted >= EVENTS) break;
        const occurredAt = new Date(Date.now() + (i + (k === 0 ? 2 : k === 1 ? 1 : 3)) * 60_000).toISOString();
        await call('shipments.addEvents', { id: row.id, events: [{ status, occurredAt }] });
        posted += 1;
      }
    }
    const serviceMs = ms(started);
    started = process.hrtime.bigint();
    for (let i = 0; i < posted; i++) {
      await inWriteTransaction(db, (trx) =>
        trx
          .insertInto('shipment_events')
          .values({
            id: newId(),
            shipment_id: shipped[i % shipped.length].id as string,
            status: 'in_transit',
            occurred_at: new Date(Date.now() + i).toISOString(),
            source: 'api',
            external_id: null,
            recorded_by: null,
            recorded_at: new Date().toISOString(),
          })
          .execute(),
      );
    }
    const rawMs = ms(started);
    const wrong = await db
      .selectFrom('shipments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'id',
        'in',
        shipped.slice(0, Math.floor(posted / 3)).map((row) => row.id as string),
      )
      .where('tracking_status', '!=', 'out_for_delivery')
      .executeTakeFirstOrThrow();
    console.log(
      JSON.stringify({
        bench: 'shipments',
        shipments: SHIPMENTS,
        grid,
        events: {
          posted,
          perSecond: round((posted / serviceMs) * 1000),
          rawPerSecond: round((posted / rawMs) * 1000),
          ratio: round(rawMs / serviceMs, 2),
          wrongStatus: Number(wrong.n),
        },
      }),
    );
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
