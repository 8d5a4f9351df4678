// The order grid and its CSV export on a large order book: p50/p95 ms of the pages the grid
// asks for (orders.list through the router, by several sorts, at the top, the middle and
// the end, as deep scrolling does) and the whole export streamed over the real HTTP route
// (seconds, MB, rows per second, peak RSS). The baseline is one Kysely query streaming the
// same lines joined to their orders into the same CSV writer, unsorted and unpaged.
// Wrong (exit 1) if the export loses or repeats an order or a line.
// `npm run bench -- orders [orders]` (default 1000000). Prints one JSON line; progress on stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import { startApp } from '../src/main/app';
import type { Database } from '../src/main/database/schema';
import { inWriteTransaction } from '../src/main/database/transaction';
import { createHttpServer, listen } from '../src/main/http/server';
import { csvLine } from '../src/main/services/catalog/csv/export';
import { newId } from '../src/main/services/ids';
import { WALK_IN_CUSTOMER_ID } from '../src/shared/domain/customers';
import type { User } from '../src/shared/domain/user';

const ORDERS = Number(process.argv[2] ?? 1_000_000);
const CUSTOMERS = 20_000;
const PAGE = 100;
const RUNS = 30;
const STATUSES = ['draft', 'confirmed', 'on_hold', 'completed', 'cancelled'] as const;
const CHANNELS = ['counter', 'phone', 'email', 'web', 'api'] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', 'Smith', 'García', 'Nguyen', 'Müller', 'Kim'];

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const log = (message: string) => {
  sampleRss();
  console.error(message);
};
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** A small seeded generator, so every run builds the same order book. */
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

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'oms-bench-'));
  const app = await startApp({ databasePath: join(folder, 'bench.db'), serverToken: 'bench' });
  const rssTimer = setInterval(sampleRss, 50);
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

    log(`seeding ${CUSTOMERS} customers and ${ORDERS} orders…`);
    const rand = random(7);
    const seedStarted = process.hrtime.bigint();
    const customers: Array<{ id: string; name: string; phone: string }> = [];
    let lineCount = 0;
    await inWriteTransaction(db, async (trx) => {
      const now = new Date().toISOString();
      const rows: Insertable<Database['customers']>[] = [];
      for (let i = 0; i < CUSTOMERS; i++) {
        const phone = `139${String(10_000_000 + i).padStart(8, '0')}`;
        const name = `${SURNAMES[i % SURNAMES.length]} ${i + 1}`;
        customers.push({ id: newId(), name, phone });
        rows.push({
          id: customers[i].id,
          name,
          phone,
          phone_digits: phone,
          phone_tail: phone.slice(-8),
          email: `c${i}@example.com`,
          email_key: `c${i}@example.com`,
          tags: '[]',
          notes: '',
          is_walk_in: 0,
          active: 1,
          created_at: now,
          updated_at: now,
        });
      }
      for (let i = 0; i < rows.length; i += 1000) {
        await trx
          .insertInto('customers')
          .values(rows.slice(i, i + 1000))
          .execute();
      }
      const start = Date.parse('2022-01-01T00:00:00Z');
      const span = Date.parse('2026-11-01T00:00:00Z') - start;
      const BATCH = 500;
      for (let first = 0; first < ORDERS; first += BATCH) {
        const orders: Insertable<Database['orders']>[] = [];
        const lines: Insertable<Database['order_lines']>[] = [];
        for (let i = first; i < Math.min(ORDERS, first + BATCH); i++) {
          const id = newId();
          const customer = rand() < 0.2 ? null : customers[Math.floor(rand() * CUSTOMERS)];
          const placedAt = new Date(
            start + Math.floor((i / ORDERS) * span) + Math.floor(rand() * 60_000),
          ).toISOString();
          const count = 1 + Math.floor(rand() * 3);
          let total = 0;
          for (let n = 0; n < count; n++) {
            const quantity = 1 + Math.floor(rand() * 4);
            const unitPrice = 500 + Math.floor(rand() * 20_000);
            const lineTotal = quantity * unitPrice;
            total += lineTotal;
            lines.push({
              id: newId(),
              order_id: id,
              line_no: n + 1,
              product_id: null,
              sku: `SKU-${String(Math.floor(rand() * 50_000)).padStart(6, '0')}`,
              name: `Item, "${n + 1}"`,
              unit_price: unitPrice,
              quantity,
              discount: null,
              gross: lineTotal,
              line_discount: 0,
              order_discount: 0,
              total: lineTotal,
              tax: Math.round((lineTotal * 1300) / 11_300),
              tax_class: 'standard',
              rate_basis_points: 1300,
              reservation_id: null,
            });
          }
          lineCount += count;
          const status = STATUSES[Math.floor(rand() * STATUSES.length)];
          orders.push({
            id,
            number: `SO-${placedAt.slice(0, 10).replace(/-/g, '')}-B1-${String(i + 1).padStart(7, '0')}`,
            channel: CHANNELS[i % CHANNELS.length],
            source: '',
            terminal: 'B1',
            status,
            payment_status: status === 'completed' ? 'paid' : 'unpaid',
            fulfilment_status: 'unfulfilled',
            customer_id: customer?.id ?? WALK_IN_CUSTOMER_ID,
            customer_name: customer?.name ?? 'Walk-in',
            customer_phone_tail: customer?.phone.slice(-8) ?? '',
            warehouse_id: null,
            currency: 'CNY',
            prices_include_tax: 1,
            rounding: 'half-up',
            order_discount: null,
            subtotal: total,
            discount_total: 0,
            shipping_total: 0,
            shipping_tax: 0,
            tax_total: Math.round((total * 1300) / 11_300),
            grand_total: total,
            taxes: '[]',
            paid_total: status === 'completed' ? total : 0,
            ships: 0,
            shipping_method: '',
            shipping_amount: 0,
            shipping_tax_class: 'standard',
            shipping_address: null,
            billing_address: null,
            notes: '',
            promised_date: null,
            placed_at: placedAt,
            confirmed_at: null,
            completed_at: null,
            cancelled_at: null,
            created_by: null,
            created_at: placedAt,
            updated_at: placedAt,
          });
        }
        await trx.insertInto('orders').values(orders).execute();
        for (let i = 0; i < lines.length; i += 1000) {
          await trx
            .insertInto('order_lines')
            .values(lines.slice(i, i + 1000))
            .execute();
        }
        if (first % 100_000 === 0) log(`  ${first} orders`);
      }
    });
    const seedSeconds = ms(seedStarted) / 1000;
    log(`seeded in ${round(seedSeconds)} s; ${lineCount} lines`);

    // The grid: the first page of a sort (which builds its anchors), then pages anywhere.
    const grid: Record<string, unknown> = {};
    const list = (input: Record<string, unknown>) =>
      app.router.call('orders.list', { limit: PAGE, ...input }, owner) as Promise<{ rows: unknown[]; total: number }>;
    for (const [sort, direction] of [
      ['placedAt', 'desc'],
      ['customerName', 'asc'],
      ['grandTotal', 'desc'],
      ['status', 'asc'],
    ] as const) {
      const cold = process.hrtime.bigint();
      await list({ sort, direction, offset: Math.floor(ORDERS / 2) });
      const firstDeepMs = ms(cold);
      const rand2 = random(11);
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const offset = Math.floor((rand2() * (ORDERS - PAGE)) / PAGE) * PAGE;
        const started = process.hrtime.bigint();
        const page = await list({ sort, direction, offset });
        times.push(ms(started));
        if (page.rows.length !== PAGE) throw new Error(`a page at ${offset} has ${page.rows.length} rows`);
      }
      times.sort((a, b) => a - b);
      grid[`${sort}_${direction}`] = {
        firstDeepPageMs: round(firstDeepMs),
        p50Ms: round(percentile(times, 50), 2),
        p95Ms: round(percentile(times, 95), 2),
      };
      log(`grid ${sort} ${direction}: ${JSON.stringify(grid[`${sort}_${direction}`])}`);
    }
    const filteredStarted = process.hrtime.bigint();
    const filtered = await list({ status: ['confirmed', 'on_hold'], minTotal: 10_000, q: '王', offset: 0 });
    grid.filteredFirstPageMs = round(ms(filteredStarted));
    grid.filteredTotal = filtered.total;

    // The export over the real HTTP route, read as a client would.
    const server = createHttpServer({ router: app.router, version: 'bench', rendererDir: folder, log: console.error });
    const address: AddressInfo = await listen(server, 0, '127.0.0.1');
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    log('exporting over HTTP…');
    const exportStarted = process.hrtime.bigint();
    const response = await fetch(`http://127.0.0.1:${address.port}/api/orders/export.csv?sort=placedAt&direction=asc`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    if (!response.ok || !response.body) throw new Error(`export answered ${response.status}`);
    let bytes = 0;
    let rows = -1;
    let orders = 0;
    let previous = '';
    let rest = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      const text = rest + decoder.decode(chunk, { stream: true });
      const parts = text.split('\r\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        rows += 1;
        const number = line.slice(0, line.indexOf(','));
        if (rows > 0 && number !== previous) orders += 1;
        previous = number;
      }
    }
    const exportSeconds = ms(exportStarted) / 1000;
    const exportPeakRssMb = peakRss / 1024 / 1024;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    log(`exported ${orders} orders, ${rows} rows, ${round(bytes / 1e6)} MB in ${round(exportSeconds)} s`);

    log('baseline: one unsorted query into the same writer…');
    const baselineStarted = process.hrtime.bigint();
    let baselineRows = 0;
    let baselineBytes = 0;
    for await (const row of db
      .selectFrom('order_lines')
      .innerJoin('orders', 'orders.id', 'order_lines.order_id')
      .select(['orders.number', 'orders.placed_at', 'orders.status', 'order_lines.sku', 'order_lines.name'])
      .select(['order_lines.quantity', 'order_lines.unit_price', 'order_lines.total', 'orders.grand_total'])
      .stream(1000)) {
      baselineBytes += csvLine(Object.values(row)).length + 2;
      baselineRows += 1;
    }
    const baselineSeconds = ms(baselineStarted) / 1000;

    const wrong = orders !== ORDERS || rows !== lineCount;
    console.log(
      JSON.stringify({
        bench: 'orders',
        orders: ORDERS,
        lines: lineCount,
        seedSeconds: round(seedSeconds),
        grid,
        export: {
          seconds: round(exportSeconds, 2),
          megabytes: round(bytes / 1e6),
          rowsPerSecond: Math.round(rows / exportSeconds),
          rssBeforeMb: round(rssBefore / 1024 / 1024),
          peakRssMb: round(exportPeakRssMb),
          orders,
          rows,
        },
        baseline: {
          seconds: round(baselineSeconds, 2),
          rowsPerSecond: Math.round(baselineRows / baselineSeconds),
          megabytes: round(baselineBytes / 1e6),
        },
        wrong,
      }),
    );
    if (wrong) process.exitCode = 1;
  } finally {
    clearInterval(rssTimer);
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
