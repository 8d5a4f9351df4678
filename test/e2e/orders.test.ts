import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

interface Summary {
  id: string;
  number: string;
  status: string;
  paymentStatus: string;
  grandTotal: number;
}
interface Order extends Summary {
  refundedTotal: number;
  lines: Array<{ id: string; productId: string; quantity: number; reservedQuantity: number }>;
  payments: Array<{ kind: string; amount: number }>;
}
interface Level {
  reserved: number;
  onHand: number;
}

const ORDERS = 240;

/** The order numbers of the grid's first `count` rows, top down (AG Grid renders rows in any DOM order). */
async function gridNumbers(page: Page, count: number): Promise<string[]> {
  // One read of the page as it is (a string: the tests' TypeScript knows no DOM).
  const rows = (await page.evaluate(
    `[...document.querySelectorAll('.ag-row[row-index]')].map((row) => [
      Number(row.getAttribute('row-index')),
      row.querySelector('[col-id="number"]')?.textContent ?? '',
    ])`,
  )) as Array<[number, string]>;
  return rows
    .filter(([index, number]) => index < count && number !== '')
    .sort((a, b) => a[0] - b[0])
    .map(([, number]) => number);
}

/** The orders screens in Chromium over HTTP: the grid over hundreds of orders, the detail, the form. */
describe('orders', () => {
  let shop: ShopSession;
  let page: Page;
  let tea: { id: string };
  let cup: { id: string };
  let wangFang: { id: string };

  const list = (input: Record<string, unknown>) =>
    shop.api<{ rows: Summary[]; total: number }>('orders.list', { limit: 20, ...input });
  const reservedOf = async (productId: string) =>
    (await shop.api<Level[]>('stock.levels', { productId })).reduce((sum, l) => sum + l.reserved, 0);

  beforeAll(async () => {
    shop = await openShop('orders');
    page = shop.page;
    const warehouse = await shop.api('warehouses.create', { code: 'SH1', name: '上海仓' });
    tea = await shop.api('products.create', { sku: 'TEA-LJ', name: '龙井 Longjing 250 g', unitPrice: 12_800 });
    cup = await shop.api('products.create', { sku: 'CUP-01', name: 'Celadon cup', unitPrice: 4_500 });
    for (const product of [tea, cup]) {
      await shop.api('stock.receive', { productId: product.id, warehouseId: warehouse.id, quantity: 5000 });
    }
    const li = await shop.api<{ customer: { id: string } }>('customers.create', {
      name: 'Li Ming',
      phone: '+86 139 1234 5678',
    });
    const wang = await shop.api<{ customer: { id: string } }>('customers.create', {
      name: '王芳 Wang Fang',
      phone: '138 0013 8000',
      email: 'fang@example.com',
      addresses: [
        {
          kind: 'shipping',
          recipient: '王芳',
          phone: '13800138000',
          line1: '南京西路 88 号',
          city: '上海',
          postalCode: '200040',
          country: 'CN',
          isDefault: true,
        },
      ],
    });
    wangFang = wang.customer;
    const channels = ['phone', 'email', 'web', 'api'];
    for (let i = 0; i < ORDERS; i++) {
      const order = await shop.api<Order>('orders.create', {
        customerId: i % 3 === 0 ? wang.customer.id : li.customer.id,
        channel: channels[i % channels.length],
        lines: [
          { productId: tea.id, quantity: 1 + (i % 4) },
          ...(i % 2 ? [{ productId: cup.id, quantity: 1 + (i % 3) }] : []),
        ],
        shipping: i % 3 === 0 ? { method: 'SF Express', amount: 1500 } : null,
        confirm: i % 5 !== 0,
      });
      if (i % 5 !== 0 && i % 4 === 1) {
        await shop.api('orders.pay', { id: order.id, method: 'transfer', amount: order.grandTotal });
      }
      if (i % 11 === 3) await shop.api('orders.cancel', { id: order.id, reason: 'Customer changed their mind' });
    }
    // The grid was open (the first area) while the orders came in: it shows them after a reload.
    await page.reload();
  }, 180_000);

  afterAll(() => shop?.close());

  it('sorts and filters the grid on the server, as the API answers', async () => {
    await page.getByText(`${ORDERS} orders`).waitFor();
    const newest = await list({ sort: 'placedAt', direction: 'desc' });
    await expect.poll(() => gridNumbers(page, 10)).toEqual(newest.rows.slice(0, 10).map((o) => o.number));

    await page.getByRole('columnheader', { name: 'Total' }).click();
    const dearest = await list({ sort: 'grandTotal', direction: 'desc' });
    await expect.poll(() => gridNumbers(page, 10)).toEqual(dearest.rows.slice(0, 10).map((o) => o.number));
    await page.getByRole('columnheader', { name: 'Total' }).click();
    const cheapest = await list({ sort: 'grandTotal', direction: 'asc' });
    await expect.poll(() => gridNumbers(page, 10)).toEqual(cheapest.rows.slice(0, 10).map((o) => o.number));

    await page.getByRole('columnheader', { name: 'Order' }).click();
    await page.getByLabel('Status: Any').click();
    const statuses = page.getByRole('group', { name: 'Status' });
    await statuses.getByLabel('Cancelled').check();
    await statuses.getByLabel('Draft').check();
    await page.getByLabel('Payment: Any').click();
    await page.getByRole('group', { name: 'Payment' }).getByLabel('Unpaid').check();
    const filtered = await list({
      sort: 'number',
      direction: 'desc',
      status: ['cancelled', 'draft'],
      paymentStatus: ['unpaid'],
      limit: 100,
    });
    expect(filtered.total).toBeGreaterThan(20);
    expect(filtered.total).toBeLessThan(ORDERS);
    await page.getByText(`${filtered.total} orders`).waitFor();
    await expect.poll(() => gridNumbers(page, 15)).toEqual(filtered.rows.slice(0, 15).map((o) => o.number));
    await screenshot(page, 'orders-10-grid-filtered-en');

    // The filter set exported: every order of it, one row per line.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync((await file.path()) as string), { columns: true, bom: true }) as Array<
      Record<string, string>
    >;
    expect([...new Set(rows.map((r) => r.number))]).toEqual(filtered.rows.map((o) => o.number));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(filtered.rows.map((o) => o.status)));

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText(`${ORDERS} orders`).waitFor();

    // Days are the person's own and the last one counts whole; amounts are in yuan.
    const today = (await page.evaluate(
      `(() => { const d = new Date(); return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-'); })()`,
    )) as string;
    await page.getByLabel('Placed from').fill(today);
    await page.getByLabel('Placed up to').fill(today);
    await page.getByLabel('Total from').fill('600');
    const dearOnes = await list({ minTotal: 60_000 });
    expect(dearOnes.total).toBeGreaterThan(0);
    await page.getByText(`${dearOnes.total} orders`).waitFor();
    await page.getByLabel('Placed up to').fill('2020-01-01');
    await page.getByText('0 orders').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText(`${ORDERS} orders`).waitFor();
    await page.getByLabel('Search number, customer or phone').fill('13800138000');
    const byPhone = await list({ q: '13800138000' });
    await page.getByText(`${byPhone.total} orders`).waitFor();
    expect(byPhone.total).toBe(ORDERS / 3);

    // The column layout (here: the sort on Order) outlives a reload.
    await page.reload();
    await page.getByText(`${ORDERS} orders`).waitFor();
    const byNumber = await list({ sort: 'number', direction: 'desc' });
    await expect.poll(() => gridNumbers(page, 5)).toEqual(byNumber.rows.slice(0, 5).map((o) => o.number));
  });

  it('takes a phone order that ships, confirms it, and takes its payment in the detail', async () => {
    await page.goto(`${shop.server.base}/#/orders`);
    await page.getByRole('button', { name: 'New order' }).click();
    const form = page.getByRole('form', { name: 'Order' });
    await form.getByLabel('Find a customer (name, phone, email)').fill('Wang');
    await form.getByRole('button', { name: /王芳 Wang Fang/ }).click();
    await form.getByText('fang@example.com').waitFor();
    await form.getByLabel('Add a product: SKU, name or barcode').fill('TEA-LJ');
    await form.getByLabel('Add a product: SKU, name or barcode').press('Enter');
    await form.getByLabel('Quantity TEA-LJ').fill('2');
    await form.getByLabel('Add a product: SKU, name or barcode').fill('celadon');
    await form.getByRole('button', { name: /Celadon cup/ }).click();
    await form.getByLabel('Shipping method').fill('SF Express');
    await form.getByLabel('Shipping charge (CNY)').fill('15');
    await expect.poll(() => form.getByLabel('Ship to').inputValue()).not.toBe('typed');
    await form.getByLabel('Promised date').fill('2026-12-24');
    // 2 × 128.00 + 45.00 + 15.00 shipping, priced by the server.
    await expect.poll(() => form.getByTestId('priced-total').textContent()).toBe('CN¥316.00');
    await screenshot(page, 'orders-20-form-en');

    // More than the shelves hold: refused, naming the product, and nothing is saved.
    const before = (await list({})).total;
    await form.getByLabel('Quantity TEA-LJ').fill('9000');
    await form.getByRole('button', { name: 'Save and confirm' }).click();
    await form.getByText(/^Not enough TEA-LJ at SH1/).waitFor();
    expect((await list({})).total).toBe(before);
    await form.getByLabel('Quantity TEA-LJ').fill('2');
    await form.getByRole('button', { name: 'Save and confirm' }).click();

    await page.getByRole('button', { name: 'Take payment' }).waitFor();
    const number = (await page.locator('.detail__header h2').textContent()) as string;
    const placed = await shop.api<Order>('orders.get', { id: number });
    expect(placed).toMatchObject({
      status: 'confirmed',
      channel: 'phone',
      grandTotal: 31_600,
      promisedDate: '2026-12-24',
    });
    expect(placed.lines.map((l) => l.reservedQuantity)).toEqual([2, 1]);
    await page.getByText('南京西路 88 号').waitFor();

    // An edit of the confirmed order keeps its lines, so what is held changes by the difference.
    const reservedBefore = await reservedOf(tea.id);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('form', { name: 'Order' }).getByLabel('Quantity TEA-LJ').fill('3');
    await expect.poll(() => page.getByTestId('priced-total').textContent()).toBe('CN¥444.00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Take payment' }).waitFor();
    const edited = await shop.api<Order>('orders.get', { id: number });
    expect(edited.lines.map((l) => [l.id, l.reservedQuantity])).toEqual([
      [placed.lines[0].id, 3],
      [placed.lines[1].id, 1],
    ]);
    expect(await reservedOf(tea.id)).toBe(reservedBefore + 1);

    await page.getByRole('button', { name: 'Take payment' }).click();
    const pay = page.getByRole('form', { name: 'Take payment' });
    await pay.getByLabel('Method').selectOption('card');
    await pay.getByLabel('Terminal reference').fill('POS-7781');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText('Payment recorded.').waitFor();
    await page.locator('.detail__header').getByText('Paid', { exact: true }).waitFor();
    expect((await shop.api<Order>('orders.get', { id: number })).paymentStatus).toBe('paid');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Edited: total CN¥316.00 → CN¥444.00, 2 lines').waitFor();
    await timeline.getByText('Payment of CN¥444.00 by Card').waitFor();
    await timeline
      .getByText(/^Zhang Wei · /)
      .first()
      .waitFor();
    await screenshot(page, 'orders-30-detail-en');

    // A manager pays part of it back.
    await page.getByRole('button', { name: 'Refund' }).click();
    const refund = page.getByRole('form', { name: 'Refund' });
    await refund.getByLabel('Amount (CNY)').fill('44');
    await refund.getByLabel('Reason').fill('Cup chipped');
    await refund.getByRole('button', { name: 'Refund' }).click();
    await page.getByText('Refund recorded.').waitFor();
    await page.locator('.detail__header').getByText('Partly refunded').waitFor();
    await timeline.getByText('Refund of CN¥44.00: Cup chipped').waitFor();
    expect(await shop.api<Order>('orders.get', { id: number })).toMatchObject({
      paymentStatus: 'partially_refunded',
      refundedTotal: 4400,
    });
  });

  it('cancels a paid order from the detail: stock released, the refund shown, who and when on the timeline', async () => {
    const order = await shop.api<Order>('orders.create', {
      customerId: wangFang.id,
      lines: [{ productId: cup.id, quantity: 7 }],
      confirm: true,
    });
    await shop.api('orders.pay', { id: order.id, method: 'cash', amount: order.grandTotal, tendered: 40_000 });
    const reservedBefore = await reservedOf(cup.id);
    await page.goto(`${shop.server.base}/#/orders/${order.id}`);
    await page.getByRole('button', { name: 'Hold', exact: true }).click();
    await page.getByRole('form', { name: 'Hold' }).getByLabel('Reason').fill('Checking the address');
    await page.getByRole('button', { name: 'Put on hold' }).click();
    await page.getByText('On hold: Checking the address', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Release hold' }).click();
    await page.getByText('The order is off hold.').waitFor();
    await page.getByRole('button', { name: 'Cancel order' }).click();
    const cancel = page.getByRole('form', { name: 'Cancel order' });
    await cancel.getByLabel('Reason').fill('Out of budget');
    await cancel.getByLabel('Pay back').selectOption('original');
    await cancel.getByRole('button', { name: 'Cancel the order' }).click();
    await page.getByText('Cancelled: held stock released.').waitFor();
    expect(await reservedOf(cup.id)).toBe(reservedBefore - 7);
    const payments = page.getByRole('region', { name: 'Payments and refunds' });
    await payments.getByRole('cell', { name: 'Refund' }).waitFor();
    await payments.getByRole('cell', { name: '-CN¥315.00' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Cancelled (Out of budget); CN¥315.00 refunded').waitFor();
    await timeline.getByText('Put on hold: Checking the address').waitFor();
    await timeline.getByText('Taken off hold').waitFor();
    // Created, confirmed, paid, held, released, refunded, cancelled: each with who and when.
    expect(await timeline.getByText(/^Zhang Wei · .*\d{1,2}:\d{2}/).count()).toBe(7);
    await expect.poll(() => page.getByRole('button', { name: 'Cancel order' }).count()).toBe(0);
    await screenshot(page, 'orders-31-cancelled-en');
  });

  it('lists a customer’s orders on their page, linking to each', async () => {
    await page.goto(`${shop.server.base}/#/customers/${wangFang.id}`);
    const history = page.getByRole('region', { name: 'Orders' });
    const latest = await list({ customerId: wangFang.id, limit: 1 });
    await history.getByRole('link', { name: latest.rows[0].number }).click();
    await page.locator('.detail__header h2').getByText(latest.rows[0].number).waitFor();
  });

  it('shows the grid, the detail and the form in Chinese', async () => {
    await page.goto(`${shop.server.base}/#/orders`);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText(/个订单$/).waitFor();
    await page.getByRole('columnheader', { name: '合计' }).waitFor();
    await screenshot(page, 'orders-40-grid-zh');
    const [first] = (await list({ status: ['cancelled'], limit: 1 })).rows;
    await page.goto(`${shop.server.base}/#/orders/${first.id}`);
    await page
      .getByRole('region', { name: '时间线' })
      .getByText(/^已取消/)
      .waitFor();
    await screenshot(page, 'orders-41-detail-zh');
    const [draft] = (await list({ status: ['draft'], limit: 1 })).rows;
    await page.goto(`${shop.server.base}/#/orders/${draft.id}/edit`);
    await page.getByRole('button', { name: '保存并确认' }).waitFor();
    await page.getByTestId('priced-total').waitFor();
    await screenshot(page, 'orders-42-form-zh');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
