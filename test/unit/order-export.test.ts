import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpServer, listen } from '../../src/main/http/server';
import {
  ORDER_CSV_COLUMNS,
  orderCsvChunks,
  orderCsvRows,
  type CsvOrder,
} from '../../src/main/services/orders/order-csv';
import { product, warehouseWithBins } from '../helpers/shop';
import { startTestApp } from '../helpers/test-app';

const ORDER: CsvOrder = {
  number: 'SO-20261127-T1-0007',
  placedAt: '2026-11-27T09:30:00.000Z',
  channel: 'phone',
  status: 'confirmed',
  paymentStatus: 'partially_paid',
  fulfilmentStatus: 'unfulfilled',
  currency: 'CNY',
  customerName: 'Wang, "Fang"',
  customerEmail: 'fang@example.com',
  customerPhone: '+86 138 0013 8000',
  shippingMethod: 'SF Express',
  shippingTotal: 1500,
  shippingTax: 173,
  taxTotal: 1324,
  grandTotal: 11005,
  paidTotal: 5000,
  refundedTotal: 0,
  shippingAddress: {
    kind: 'shipping',
    recipient: '王芳',
    phone: '13800138000',
    line1: '南京西路 88 号',
    line2: '',
    city: '上海',
    region: '',
    postalCode: '200040',
    country: 'CN',
  },
  promisedDate: '2026-12-01',
  notes: '=HYPERLINK("http://evil")\nsecond line',
  source: '',
  lines: [
    {
      sku: 'TEA-1',
      name: 'Longjing, 250 g',
      quantity: 3,
      unitPrice: 3000,
      lineDiscount: 450,
      orderDiscount: 5,
      total: 8545,
      tax: 983,
      taxClass: 'standard',
      rateBasisPoints: 1300,
    },
    {
      sku: '-CUP',
      name: 'Cup',
      quantity: 1,
      unitPrice: 1000,
      lineDiscount: 0,
      orderDiscount: 40,
      total: 960,
      tax: 168,
      taxClass: 'reduced',
      rateBasisPoints: 650,
    },
  ],
};

function readCsv(text: string): Array<Record<string, string>> {
  return parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;
}

describe('the order CSV writer', () => {
  it('writes one row per line, each with the order’s columns, money as decimals', () => {
    const text = orderCsvRows(ORDER);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(`${ORDER_CSV_COLUMNS.join(',')}\r\n${text}`);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r.number, r.grand_total, r.shipping_total, r.paid_total, r.refunded_total])).toEqual([
      ['SO-20261127-T1-0007', '110.05', '15.00', '50.00', '0.00'],
      ['SO-20261127-T1-0007', '110.05', '15.00', '50.00', '0.00'],
    ]);
    expect(rows.map((r) => [r.quantity, r.unit_price, r.line_discount, r.line_total, r.line_tax, r.tax_rate])).toEqual([
      ['3', '30.00', '4.50', '85.45', '9.83', '13'],
      ['1', '10.00', '0.00', '9.60', '1.68', '6.5'],
    ]);
    // The order discount is the order's (shared out over its lines), on every row.
    expect(rows.map((r) => r.order_discount)).toEqual(['0.45', '0.45']);
    expect(rows[0]).toMatchObject({
      placed_at: '2026-11-27T09:30:00.000Z',
      channel: 'phone',
      status: 'confirmed',
      payment_status: 'partially_paid',
      fulfilment_status: 'unfulfilled',
      currency: 'CNY',
      customer_email: 'fang@example.com',
      ship_name: '王芳',
      ship_line1: '南京西路 88 号',
      ship_city: '上海',
      ship_postal_code: '200040',
      ship_country: 'CN',
      promised_date: '2026-12-01',
      tax_class: 'standard',
    });
  });

  it('quotes separators, quotes and line breaks, and defuses text a spreadsheet would run', () => {
    const text = orderCsvRows(ORDER);
    expect(text).toContain('"Wang, ""Fang"""');
    expect(text).toContain('"Longjing, 250 g"');
    const [first, second] = readCsv(`${ORDER_CSV_COLUMNS.join(',')}\r\n${text}`);
    expect(first.customer_name).toBe('Wang, "Fang"');
    expect(first.notes).toBe('\'=HYPERLINK("http://evil")\nsecond line');
    expect(first.customer_phone).toBe("'+86 138 0013 8000");
    expect(second.sku).toBe("'-CUP");
  });

  it('writes an order that did not ship with empty shipping columns, and a currency without decimals', () => {
    const rows = readCsv(
      `${ORDER_CSV_COLUMNS.join(',')}\r\n${orderCsvRows({ ...ORDER, currency: 'JPY', shippingAddress: null, promisedDate: null })}`,
    );
    expect(rows[0]).toMatchObject({ ship_name: '', ship_country: '', promised_date: '', grand_total: '11005' });
  });
});

/** A shop with two products in stock and `count` orders of one or two lines, some confirmed, paid or cancelled. */
async function shopWithOrders(count: number) {
  const app = await startTestApp({ serverToken: 'server-token' });
  const { client, token } = await app.setUpOwner();
  const main = await warehouseWithBins(client);
  const tea = await product(client, { unitPrice: 1250, name: '龙井, 特级' });
  const cup = await product(client, { unitPrice: 3000 });
  for (const p of [tea, cup]) await client.stock.receive({ productId: p.id, warehouseId: main.id, quantity: 10_000 });
  const customer = await client.customers.create({ name: 'Li Ming', phone: '13912345678', email: 'li@example.com' });
  for (let i = 0; i < count; i += 1) {
    const order = await client.orders.create({
      customerId: customer.customer.id,
      lines: [{ productId: tea.id, quantity: 1 + (i % 3) }, ...(i % 2 ? [{ productId: cup.id, quantity: 1 }] : [])],
      confirm: i % 4 !== 0,
    });
    if (i % 5 === 1)
      await client.orders.pay({ id: order.id, method: 'card', amount: order.grandTotal, reference: `T${i}` });
    if (i % 7 === 3) await client.orders.cancel({ id: order.id, reason: 'changed mind' });
  }
  return { app, client, token };
}

async function exportAll(app: Awaited<ReturnType<typeof startTestApp>>, filters: Parameters<typeof orderCsvChunks>[1]) {
  let text = '';
  for await (const chunk of orderCsvChunks({ db: app.handle.db, actor: null }, filters)) text += chunk;
  return text;
}

describe('the order export', () => {
  it('pages through every order of the filter and sort by cursor, one row per line', async () => {
    const { app, client } = await shopWithOrders(530);
    const filters = { sort: 'number' as const, direction: 'asc' as const };
    const text = await exportAll(app, filters);
    expect(text.startsWith(`\uFEFF${ORDER_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const rows = readCsv(text);
    const expected = [];
    let cursor: string | undefined;
    do {
      const page = await client.orders.list({ ...filters, limit: 1000, cursor });
      expected.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // More than one page of the export (500 orders), so its cursor is followed.
    expect(expected.length).toBe(530);
    const numbers = [...new Set(rows.map((r) => r.number))];
    expect(numbers).toEqual(expected.map((o) => o.number));
    const one = await client.orders.get({ id: expected[501].id });
    const itsRows = rows.filter((r) => r.number === one.number);
    expect(itsRows.map((r) => [r.sku, r.quantity, r.line_total])).toEqual(
      one.lines.map((l) => [l.sku, String(l.quantity), (l.total / 100).toFixed(2)]),
    );
    expect(itsRows[0]).toMatchObject({
      customer_name: 'Li Ming',
      customer_email: 'li@example.com',
      status: one.status,
    });
    let lines = 0;
    for (const order of expected) lines += (await client.orders.get({ id: order.id })).lines.length;
    expect(rows).toHaveLength(lines);
  }, 60_000);
});

async function serve() {
  const { app, client, token } = await shopWithOrders(12);
  const rendererDir = join(app.folder, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  const logged: unknown[] = [];
  const server = createHttpServer({ router: app.router, version: '9.9.9', rendererDir, log: (e) => logged.push(e) });
  const address = await listen(server, 0, '127.0.0.1');
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const get = (path: string, bearer: string | null = token) =>
    fetch(`http://127.0.0.1:${address.port}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  return { app, client, get, logged };
}

describe('GET /api/orders/export.csv', () => {
  it('streams the filtered orders as CSV to a signed-in user, and nothing without a token', async () => {
    const { client, get, logged } = await serve();
    expect((await get('/api/orders/export.csv', null)).status).toBe(401);
    expect((await get('/api/orders/export.csv', 'nonsense')).status).toBe(401);

    const response = await get('/api/orders/export.csv?status=draft,cancelled&sort=number&direction=desc');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="orders-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const rows = readCsv(await response.text());
    const expected = await client.orders.list({ status: ['draft', 'cancelled'], sort: 'number', direction: 'desc' });
    expect(expected.total).toBeGreaterThan(2);
    expect([...new Set(rows.map((r) => r.number))]).toEqual(expected.rows.map((o) => o.number));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(expected.rows.map((o) => o.status)));
    expect(logged).toEqual([]);
  });

  it('answers a bad filter with 422 naming it, and leaves GET /api/orders/:id to the order', async () => {
    const { client, get } = await serve();
    const bad = await get('/api/orders/export.csv?status=lost&minTotal=-1');
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { code: string; details: { issues: Array<{ path: string }> } };
    expect(body.code).toBe('VALIDATION');
    expect(body.details.issues.map((i) => i.path).sort()).toEqual(['minTotal', 'status.0']);
    const [first] = (await client.orders.list({})).rows;
    const one = await get(`/api/orders/${first.id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: first.id, number: first.number });
  });
});
