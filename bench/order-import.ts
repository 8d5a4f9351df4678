// What an order history import costs: a CSV of our own order format with ORDERS orders
// (a third of them with two lines; Chinese and English names; customers from a pool of a
// fifth as many emails, every tenth order paid and partly refunded, every twentieth a
// SKU the catalogue lacks), sent through the router as text: `orderImports.analyze` (the
// dry run, polled with `orderImports.progress` as the panel does) and
// `orderImports.commit` (one transaction, batched inserts). The baseline in the same run
// is csv-parse alone reading the same text. `npm run bench -- order-import [orders]`
// (default 100000). Prints one JSON line; progress goes to stderr.
import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/main/app';

const ORDERS = Number(process.argv[2] ?? 100_000);
const PRODUCTS = 200;
const NAMES = ['云南普洱茶', '西湖龙井', 'Linen towel', 'Celadon mug', '铁观音', 'Walnut tray', '竹制茶盘', 'Kettle'];
const HEADER =
  'number,placed_at,status,payment_status,customer_name,customer_email,customer_phone,sku,name,quantity,unit_price,line_tax,tax_total,grand_total,paid_total,refunded_total';

const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const log = (message: string) => console.error(message);

/** Tax inside a tax-inclusive amount at 13 %, rounded half up: the figure the file carries. */
const taxIn = (amount: number) => Math.floor((amount * 1300 * 2 + 11300) / (11300 * 2));
const money = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

function makeCsv(): { text: string; rows: number; grandTotal: number } {
  const lines = [HEADER];
  let grandTotal = 0;
  const start = Date.UTC(2020, 0, 1);
  for (let n = 0; n < ORDERS; n++) {
    const placed = new Date(start + n * 15 * 60 * 1000).toISOString();
    const customer = n % Math.max(1, Math.floor(ORDERS / 5));
    const items = Array.from({ length: n % 3 === 0 ? 2 : 1 }, (_, i) => {
      const p = (n + i * 7) % PRODUCTS;
      const sku = n % 20 === 0 && i === 0 ? `OLD-${n % 50}` : `P${p}`;
      const price = 1000 + p * 37;
      const quantity = 1 + ((n + i) % 3);
      return { sku, name: `${NAMES[p % NAMES.length]} ${p}`, quantity, price, tax: taxIn(price * quantity) };
    });
    const total = items.reduce((sum, l) => sum + l.price * l.quantity, 0);
    const tax = items.reduce((sum, l) => sum + l.tax, 0);
    const refunded = n % 10 === 0 ? Math.floor(total / 4) : 0;
    grandTotal += total;
    for (const item of items) {
      lines.push(
        [
          `H${String(n).padStart(7, '0')}`,
          placed,
          'completed',
          refunded ? 'partially_refunded' : 'paid',
          `顾客${customer}`,
          `c${customer}@example.cn`,
          `1380000${String(customer).padStart(4, '0')}`,
          item.sku,
          item.name,
          item.quantity,
          money(item.price),
          money(item.tax),
          money(tax),
          money(total),
          money(total),
          money(refunded),
        ].join(','),
      );
    }
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1, grandTotal };
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'oms-bench-order-import-'));
  const app = await startApp({ databasePath: join(folder, 'bench.db'), serverToken: 'bench' });
  try {
    const session = (await app.router.call(
      'auth.setup',
      {
        owner: { username: 'owner', displayName: 'Owner', secret: '1234' },
        store: { storeName: 'Bench', currency: 'CNY', locale: 'en', pricesIncludeTax: true },
      },
      { transport: 'http', credential: null },
    )) as { token: string };
    const owner = { transport: 'http' as const, credential: await app.router.credentialFor(session.token) };
    const call = <T>(operation: string, input: unknown) => app.router.call(operation, input, owner) as Promise<T>;
    for (let p = 0; p < PRODUCTS; p++) {
      await call('products.create', {
        sku: `P${p}`,
        name: `${NAMES[p % NAMES.length]} ${p}`,
        unitPrice: 1000 + p * 37,
        taxClass: 'standard',
      });
    }

    const { text, rows, grandTotal } = makeCsv();
    log(`generated ${ORDERS} orders in ${rows} rows: ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB of CSV`);

    let started = process.hrtime.bigint();
    const parsed = parse(text, { relax_column_count: true, skip_empty_lines: true });
    const parseMs = ms(started);
    log(`baseline: csv-parse read ${parsed.length - 1} rows in ${parseMs.toFixed(0)} ms`);

    started = process.hrtime.bigint();
    const { reportId } = await call<{ reportId: string }>('orderImports.analyze', {
      format: 'oms',
      fileName: 'bench.csv',
      text,
    });
    let polls = 0;
    let midway = 0;
    for (;;) {
      const progress = await call<{ state: string; processed: number; total: number }>('orderImports.progress', {
        reportId,
      });
      polls++;
      if (progress.state === 'checking' && progress.processed > 0 && progress.processed < progress.total) midway++;
      if (progress.state === 'ready' || progress.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const report = await call<{
      summary: { orders: number; errors: number; warnings: number; grandTotal: number; customersToCreate: number };
    }>('orderImports.report', { reportId, limit: 10 });
    const analyzeMs = ms(started);
    log(`analyze: ${analyzeMs.toFixed(0)} ms, ${polls} polls (${midway} mid-way), ${JSON.stringify(report.summary)}`);

    started = process.hrtime.bigint();
    const result = await call<{ orders: number; lines: number; payments: number; customersCreated: number }>(
      'orderImports.commit',
      { reportId },
    );
    const commitMs = ms(started);
    log(`commit: ${commitMs.toFixed(0)} ms, ${JSON.stringify(result)}`);

    const written = app.handle.sqlite
      .prepare('select count(*) as orders, sum(grand_total) as total from orders')
      .get() as { orders: number; total: number };
    const movements = (app.handle.sqlite.prepare('select count(*) as n from stock_movements').get() as { n: number }).n;
    const correct =
      report.summary.errors === 0 &&
      result.orders === ORDERS &&
      written.orders === ORDERS &&
      written.total === grandTotal &&
      result.lines === rows &&
      movements === 0;
    if (!correct) log('WRONG ANSWER: an order or line was lost, a total differs, or stock moved');

    console.log(
      JSON.stringify({
        bench: 'order-import',
        orders: ORDERS,
        rows,
        csvMb: Math.round((Buffer.byteLength(text) / 1024 / 1024) * 10) / 10,
        baselineParseS: Math.round(parseMs) / 1000,
        analyzeS: Math.round(analyzeMs) / 1000,
        commitS: Math.round(commitMs) / 1000,
        analyzeOrdersPerS: Math.round(ORDERS / (analyzeMs / 1000)),
        commitOrdersPerS: Math.round(ORDERS / (commitMs / 1000)),
        ordersPerS: Math.round(ORDERS / ((analyzeMs + commitMs) / 1000)),
        progressPolls: polls,
        progressMidway: midway,
        customersCreated: result.customersCreated,
        payments: result.payments,
        correct,
        peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
        node: process.version,
      }),
    );
    if (!correct) process.exitCode = 1;
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
