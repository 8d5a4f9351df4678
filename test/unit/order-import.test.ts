import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpServer, listen } from '../../src/main/http/server';
import type { Client } from '../../src/shared/client';
import type { OrderImportFormat } from '../../src/shared/contract/order-imports';
import { failure, startTestApp, type TestApp } from '../helpers/test-app';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/csv', name));

function count(app: TestApp, table: string): number {
  return (app.handle.sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
}

/** Every row of every table: what "nothing was written" is compared with. */
function snapshot(app: TestApp): Record<string, unknown[]> {
  const tables = app.handle.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [name, app.handle.sqlite.prepare(`select * from "${name}"`).all()]),
  );
}

/** A tea shop in CNY, prices with tax (13 %), three products with stock, and one customer already known. */
async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  const main = await client.warehouses.create({ code: 'MAIN', name: '主仓 Main' });
  const product = (sku: string, name: string, unitPrice: number) =>
    client.products.create({ sku, name, unitPrice, taxClass: 'standard' });
  const pu = await product('PU-357', '云南普洱茶 熟茶 357克', 12850);
  const lj = await product('LJ-250', '西湖龙井 绿茶 250g', 129900);
  const mug = await product('MUG-01', 'Tea mug, celadon', 4500);
  const location = main.locations[0].id;
  for (const p of [pu, lj, mug]) {
    await client.stock.receive({ productId: p.id, locationId: location, quantity: 50, unitCost: 1000 });
  }
  const liNa = await client.customers.create({
    name: '李娜 Li Na',
    phone: '13912345678',
    email: '',
    tags: [],
    notes: '',
    addresses: [],
  });
  return { app, client, products: { pu, lj, mug }, liNa: liNa.customer };
}

async function analyze(client: Client, format: OrderImportFormat, file: string | Buffer, fileName?: string) {
  const bytes = typeof file === 'string' ? fixture(file) : file;
  const { reportId } = await client.orderImports.analyze({
    format,
    fileName: fileName ?? (typeof file === 'string' ? file : 'orders.csv'),
    base64: bytes.toString('base64'),
  });
  return client.orderImports.report({ reportId, limit: 5000 });
}

function stockState(app: TestApp) {
  return {
    movements: app.handle.sqlite.prepare('select * from stock_movements order by id').all(),
    reservations: app.handle.sqlite.prepare('select * from stock_reservations order by id').all(),
    summaries: app.handle.sqlite.prepare('select * from stock_summaries order by product_id').all(),
  };
}

describe('order import: our own order CSV', () => {
  it('dry-runs without writing, then imports the orders with their numbers, dates, totals, payments and customers', async () => {
    const { app, client, products, liNa } = await shop();
    const before = snapshot(app);
    const report = await analyze(client, 'oms', 'oms-orders.csv');
    expect(snapshot(app)).toEqual(before);
    expect(report).toMatchObject({
      state: 'ready',
      canCommit: true,
      currency: 'CNY',
      summary: {
        rows: 5,
        orders: 4,
        lines: 5,
        textOnlyLines: 1,
        customersToCreate: 2,
        customersMatched: 1,
        grandTotal: 30700 + 120000 + 2000 + 12850,
        paidTotal: 30700 + 120000 + 2000,
        refundedTotal: 20000 + 2000,
        firstPlacedAt: '2025-03-08T02:15:00.000Z',
        lastPlacedAt: '2025-04-02T01:00:00.000Z',
        errors: 0,
        warnings: 1,
      },
    });
    expect(report.issues).toEqual([
      expect.objectContaining({ line: 7, severity: 'warning', code: 'unknownSku', sku: 'GIFT-BOX', column: 'sku' }),
    ]);

    const stockBefore = stockState(app);
    const result = await client.orderImports.commit({ reportId: report.reportId });
    expect(result).toEqual({ orders: 4, lines: 5, payments: 5, customersCreated: 2, customersMatched: 1 });
    // History moves no stock: no reservation, no movement, the same balances.
    expect(stockState(app)).toEqual(stockBefore);
    expect((await client.stock.verify({})).binDriftCount).toBe(0);

    const first = await client.orders.get({ id: await idOf(app, 'SO-2025-0001') });
    expect(first).toMatchObject({
      number: 'SO-2025-0001',
      source: 'csv',
      channel: 'web',
      status: 'completed',
      paymentStatus: 'paid',
      fulfilmentStatus: 'delivered',
      customerName: '王小明',
      currency: 'CNY',
      pricesIncludeTax: true,
      subtotal: 30200,
      discountTotal: 500,
      shippingTotal: 1000,
      shippingTax: 115,
      taxTotal: 3532,
      grandTotal: 30700,
      paidTotal: 30700,
      refundedTotal: 0,
      balanceDue: 0,
      placedAt: '2025-03-08T02:15:00.000Z',
      shippingMethod: '顺丰标快',
      notes: '请在工作日送货\nWeekdays only',
      shippingAddress: { recipient: '王小明', line1: '浦东新区世纪大道100号', city: '上海市', country: 'CN' },
    });
    expect(first.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        productId: products.pu.id,
        quantity: 2,
        total: 25700,
        tax: 2957,
        fulfilledQuantity: 2,
      }),
      expect.objectContaining({ lineNo: 2, productId: products.mug.id, lineDiscount: 500, total: 4000, tax: 460 }),
    ]);
    expect(first.lines.every((l) => l.reservedQuantity === 0)).toBe(true);
    expect(first.payments).toEqual([
      expect.objectContaining({
        kind: 'payment',
        method: 'other',
        amount: 30700,
        createdAt: '2025-03-08T02:15:00.000Z',
      }),
    ]);
    const timeline = await client.orders.timeline({ id: first.id });
    expect(timeline.map((e) => e.kind)).toEqual(['imported']);

    const second = await client.orders.get({ id: await idOf(app, 'SO-2025-0002') });
    expect(second).toMatchObject({
      channel: 'counter',
      customerId: liNa.id,
      paymentStatus: 'partially_refunded',
      discountTotal: 9900,
      grandTotal: 120000,
      paidTotal: 120000,
      refundedTotal: 20000,
      orderDiscount: { kind: 'amount', amount: 9900 },
    });
    expect(second.payments.map((p) => [p.kind, p.amount])).toEqual([
      ['payment', 120000],
      ['refund', 20000],
    ]);

    const third = await client.orders.get({ id: await idOf(app, 'SO-2025-0003') });
    expect(third).toMatchObject({ status: 'cancelled', paymentStatus: 'refunded', customerId: first.customerId });
    expect(third.lines[0]).toMatchObject({ productId: null, sku: 'GIFT-BOX', name: '礼盒包装', rateBasisPoints: 1300 });
    const fourth = await client.orders.get({ id: await idOf(app, 'SO-2025-0004') });
    expect(fourth).toMatchObject({
      status: 'confirmed',
      paymentStatus: 'unpaid',
      payments: [],
      promisedDate: '2025-04-10',
    });

    // The customers: one new per email (any case), the known phone matched.
    const created = app.handle.sqlite
      .prepare('select name, email from customers where is_walk_in = 0 and id != ? order by name')
      .all(liNa.id);
    expect(created).toEqual([
      { name: 'Zhang Wei', email: 'zhang.wei@example.com' },
      { name: '王小明', email: 'xiaoming.wang@example.cn' },
    ]);

    // The same file again: every number is taken now.
    const again = await analyze(client, 'oms', 'oms-orders.csv');
    expect(again.canCommit).toBe(false);
    expect(again.issues.filter((i) => i.code === 'numberTaken').map((i) => i.line)).toEqual([2, 6, 7, 8]);
  });

  it('reports every kind of problem on its line, and refuses to commit', async () => {
    const { app, client } = await shop();
    await client.orderImports.commit({ reportId: (await analyze(client, 'oms', 'oms-orders.csv')).reportId });
    const before = snapshot(app);
    const report = await analyze(client, 'oms', 'oms-orders-problems.csv');
    const found = report.issues.map((i) => [i.line, i.severity, i.code]);
    expect(found).toEqual([
      [2, 'error', 'currencyMismatch'],
      [3, 'error', 'badDate'],
      [4, 'error', 'required'],
      [5, 'error', 'numberTaken'],
      [6, 'error', 'totalsMismatch'],
      [7, 'error', 'lineTotalMismatch'],
      [8, 'warning', 'unknownSku'],
      [9, 'error', 'paymentStatusMismatch'],
      [10, 'error', 'notNumber'],
      [13, 'error', 'orderRowsApart'],
      [14, 'error', 'badStatus'],
      [15, 'error', 'refundedRequired'],
      [16, 'error', 'taxMismatch'],
      [17, 'error', 'required'],
    ]);
    expect(report.issues.find((i) => i.code === 'totalsMismatch')?.message).toBe(
      'The grand total is 99.00; the lines, shipping and tax make 45.00 (tax included) or 50.18 (tax added)',
    );
    expect(report.issues.find((i) => i.line === 17)?.column).toBe('unit_price');
    expect(report.canCommit).toBe(false);
    const refused = await failure(client.orderImports.commit({ reportId: report.reportId }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(snapshot(app)).toEqual(before);
  });

  it('says when a Shopify file is given as ours', async () => {
    const { client } = await shop();
    const report = await analyze(client, 'oms', 'shopify-orders.csv');
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual([
      'missingColumn',
      'missingColumn',
      'missingColumn',
      'missingColumn',
      'missingColumn',
      'looksLikeOtherFormat',
    ]);
  });
});

describe('order import: Shopify "Export orders"', () => {
  it('groups line items by Name and maps statuses, totals, taxes, payments and addresses', async () => {
    const { app, client, products, liNa } = await shop();
    const report = await analyze(client, 'shopify', 'shopify-orders.csv');
    expect(report.summary).toMatchObject({ rows: 7, orders: 4, lines: 7, textOnlyLines: 2, errors: 0 });
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([
      [5, 'unknownSku'],
      [7, 'noSku'],
      [8, 'billingAddressIncomplete'],
    ]);
    expect(report.issues[2]).toMatchObject({
      column: 'Billing Address1',
      message: "The billing address has no Billing Address1: it is kept in the order's notes instead",
    });
    const stockBefore = stockState(app);
    const result = await client.orderImports.commit({ reportId: report.reportId });
    expect(result).toMatchObject({ orders: 4, lines: 7, customersCreated: 2, customersMatched: 1 });
    expect(stockState(app)).toEqual(stockBefore);

    const o1001 = await client.orders.get({ id: await idOf(app, '#1001') });
    expect(o1001).toMatchObject({
      source: 'shopify',
      channel: 'web',
      status: 'completed',
      fulfilmentStatus: 'shipped',
      paymentStatus: 'paid',
      customerName: '林梅',
      pricesIncludeTax: false,
      subtotal: 30200,
      discountTotal: 3020,
      orderDiscount: { kind: 'amount', amount: 3020 },
      shippingTotal: 1200,
      taxTotal: 3533,
      grandTotal: 31913,
      paidTotal: 31913,
      placedAt: '2025-05-02T01:30:12.000Z',
      completedAt: '2025-05-03T08:00:00.000Z',
      notes: '生日礼物，请包装\nDiscount code: SPRING10',
      billingAddress: { recipient: '林梅', line2: '5楼', postalCode: '200030', region: '上海', country: 'CN' },
    });
    // The discount and the tax spread over the lines in proportion: 257.00 and 45.00 of 302.00.
    expect(o1001.lines.map((l) => [l.productId, l.orderDiscount, l.tax, l.total, l.rateBasisPoints])).toEqual([
      [products.pu.id, 2570, 3007, 23130 + 3007, 1300],
      [products.mug.id, 450, 526, 4050 + 526, 1300],
    ]);
    expect(o1001.payments).toEqual([
      expect.objectContaining({ method: 'card', amount: 31913, createdAt: '2025-05-02T01:31:00.000Z' }),
    ]);

    const o1002 = await client.orders.get({ id: await idOf(app, '#1002') });
    expect(o1002).toMatchObject({ channel: 'import', status: 'confirmed', paymentStatus: 'unpaid', payments: [] });
    const o1003 = await client.orders.get({ id: await idOf(app, '#1003') });
    expect(o1003).toMatchObject({
      channel: 'counter',
      paymentStatus: 'partially_refunded',
      customerId: o1001.customerId,
      paidTotal: 14899,
      refundedTotal: 4500,
    });
    expect(o1003.lines.map((l) => [l.sku, l.productId === null, l.lineDiscount])).toEqual([
      ['TEA-SAMPLER', true, 500],
      ['MUG-01', false, 0],
      ['', true, 0],
    ]);
    expect(o1003.payments.map((p) => [p.kind, p.method, p.amount])).toEqual([
      ['payment', 'cash', 14899],
      ['refund', 'cash', 4500],
    ]);
    const o1004 = await client.orders.get({ id: await idOf(app, '#1004') });
    expect(o1004).toMatchObject({
      status: 'cancelled',
      paymentStatus: 'unpaid',
      customerId: liNa.id,
      cancelledAt: '2025-05-07T01:00:00.000Z',
    });
    expect(o1004.billingAddress).toBeNull();
    expect(o1004.notes).toBe('顾客改主意了\nBilling address: 李娜, 13912345678');
  });

  it('finds totals that do not add up in a Shopify file', async () => {
    const { client } = await shop();
    const text = fixture('shopify-orders.csv')
      .toString('utf8')
      .replace(',319.13,', ',320.13,')
      .replace(',123.00,', ',124.00,');
    const report = await analyze(client, 'shopify', Buffer.from(text));
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.code, i.column])).toEqual([
      [2, 'totalsMismatch', 'Total'],
      [5, 'subtotalMismatch', 'Subtotal'],
    ]);
  });
});

describe('order import: customers', () => {
  it('gives a phone-only order to the customer another order names by email with that phone', async () => {
    const { app, client } = await shop();
    const text = [
      'number,placed_at,customer_name,customer_email,customer_phone,sku,quantity,unit_price',
      'C-1,2025-01-05,孙丽,sun.li@example.cn,+86 137 0000 1234,MUG-01,1,45.00',
      'C-2,2025-01-06,孙丽,,13700001234,MUG-01,2,45.00',
      'C-3,2025-01-07,孙丽 (another),,,MUG-01,1,45.00',
    ].join('\n');
    const report = await analyze(client, 'oms', Buffer.from(text));
    expect(report.summary).toMatchObject({ orders: 3, customersToCreate: 2, customersMatched: 0, errors: 0 });
    await client.orderImports.commit({ reportId: report.reportId });
    const [c1, c2, c3] = await Promise.all(
      ['C-1', 'C-2', 'C-3'].map(async (n) => client.orders.get({ id: await idOf(app, n) })),
    );
    expect(c2.customerId).toBe(c1.customerId);
    expect(c3.customerId).not.toBe(c1.customerId);
  });
});

describe('order import: Shopify taxes', () => {
  it('puts the tax of an order without taxable lines on its shipping', async () => {
    const { app, client } = await shop();
    const text = [
      'Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem taxable',
      '#2001,kong@example.cn,paid,CNY,20.00,10.00,1.30,31.30,2025-07-01 12:00:00 +0800,1,电子礼品卡 Gift card,20.00,,false',
    ].join('\n');
    const report = await analyze(client, 'shopify', Buffer.from(text));
    expect(report.summary).toMatchObject({ orders: 1, errors: 0 });
    await client.orderImports.commit({ reportId: report.reportId });
    const order = await client.orders.get({ id: await idOf(app, '#2001') });
    expect(order).toMatchObject({
      pricesIncludeTax: false,
      shippingTotal: 1130,
      shippingTax: 130,
      taxTotal: 130,
      grandTotal: 3130,
      paidTotal: 3130,
      paymentStatus: 'paid',
    });
    expect(order.lines[0]).toMatchObject({ taxClass: 'exempt', rateBasisPoints: 0, tax: 0, total: 2000 });
    expect(order.taxes).toEqual([
      { taxClass: 'standard', rateBasisPoints: 1300, taxable: 1000, tax: 130 },
      { taxClass: 'exempt', rateBasisPoints: 0, taxable: 2000, tax: 0 },
    ]);
  });
});

describe('order import: one transaction', () => {
  it('leaves nothing behind when a number is taken between the dry run and the commit', async () => {
    const { app, client } = await shop();
    const header = 'number,placed_at,customer_name,customer_email,sku,quantity,unit_price,grand_total';
    const file = (from: number, to: number) =>
      Buffer.from(
        [
          header,
          ...Array.from({ length: to - from + 1 }, (_, i) => {
            const n = from + i;
            return `H-${String(n).padStart(5, '0')},2024-01-01T08:00:00Z,顾客${n},c${n}@example.cn,MUG-01,1,45.00,45.00`;
          }),
        ].join('\n'),
      );
    // Both dry runs see a free shop; the first import then takes 700–800, which the second file holds in its third batch.
    const big = await analyze(client, 'oms', file(1, 800));
    const small = await analyze(client, 'oms', file(700, 800));
    expect(big.canCommit && small.canCommit).toBe(true);
    await client.orderImports.commit({ reportId: small.reportId });
    const before = snapshot(app);
    const customers = count(app, 'customers');
    const conflict = await failure(client.orderImports.commit({ reportId: big.reportId }));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('H-00700');
    // The first 600 orders and 800 customers were written before the conflict; the rollback took them back.
    expect(count(app, 'customers')).toBe(customers);
    expect(snapshot(app)).toEqual(before);
    // And the report can be analysed and imported again once the file is corrected.
    const rest = await analyze(client, 'oms', file(1, 699));
    await client.orderImports.commit({ reportId: rest.reportId });
    expect(count(app, 'orders')).toBe(800);
  });
});

describe('order import over REST', () => {
  it('analyses, reports and commits through the readable routes', async () => {
    const app = await startTestApp({ serverToken: 'server-token' });
    await app.setUpOwner();
    const rendererDir = join(app.folder, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>OMS</title>');
    const server = createHttpServer({ router: app.router, version: '9.9.9', rendererDir, log: () => undefined });
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
    const text =
      'number,placed_at,customer_name,sku,quantity,unit_price,grand_total\nWEB-1,2025-01-02T03:04:05Z,周杰,X-1,2,9.90,19.80\n';
    const started = await call('POST', '/order-imports', { format: 'oms', fileName: 'api.csv', text });
    expect(started.status).toBe(200);
    const id = started.body.reportId as string;
    const report = await call('GET', `/order-imports/${id}?limit=10`);
    expect(report.body).toMatchObject({ canCommit: true, summary: { orders: 1, textOnlyLines: 1 } });
    expect((await call('GET', `/order-imports/${id}/progress`)).body).toMatchObject({ state: 'ready' });
    const committed = await call('POST', `/order-imports/${id}/commit`);
    expect(committed.body).toEqual({ orders: 1, lines: 1, payments: 1, customersCreated: 1, customersMatched: 0 });
    expect((await call('POST', `/order-imports/${id}/commit`)).body).toMatchObject({ code: 'INVALID_STATE' });
  });
});

async function idOf(app: TestApp, number: string): Promise<string> {
  const row = app.handle.sqlite.prepare('select id from orders where number = ?').get(number) as { id: string };
  return row.id;
}
