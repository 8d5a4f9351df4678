import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

interface Order {
  id: string;
  number: string;
  paymentStatus: string;
  refundedTotal: number;
  lines: Array<{ id: string; returnedQuantity: number }>;
}
interface Level {
  locationCode: string;
  onHand: number;
}

/** A return with refund, from the order's page through every step, in Chromium over HTTP. */
describe('returns', () => {
  let shop: ShopSession;
  let page: Page;
  let tea: { id: string };
  let sale: Order;

  const onHandIn = async (code: string) =>
    (await shop.api<Level[]>('stock.levels', { productId: tea.id })).find((l) => l.locationCode === code)?.onHand ?? 0;

  beforeAll(async () => {
    shop = await openShop('returns');
    page = shop.page;
    const warehouse = await shop.api('warehouses.create', { code: 'SH1', name: '上海仓' });
    await shop.api('warehouses.createLocation', { warehouseId: warehouse.id, code: 'R-01' });
    tea = await shop.api('products.create', { sku: 'TEA-LJ', name: '龙井 Longjing 250 g', unitPrice: 12_800 });
    await shop.api('stock.receive', { productId: tea.id, warehouseId: warehouse.id, quantity: 10 });
    const cup = await shop.api('products.create', { sku: 'CUP-01', name: 'Celadon cup', unitPrice: 4_500 });
    await shop.api('stock.receive', { productId: cup.id, warehouseId: warehouse.id, quantity: 10 });
    const { customer } = await shop.api<{ customer: { id: string } }>('customers.create', { name: '王芳 Wang Fang' });
    sale = await shop.api<Order>('orders.checkout', {
      customerId: customer.id,
      lines: [{ productId: tea.id, quantity: 3 }],
      tenders: [{ method: 'card', amount: 38_400, reference: 'POS 7731' }],
    });
  });
  afterAll(async () => shop?.close());

  it('opens a return from the order, receives, inspects, restocks and refunds it', async () => {
    await page.goto(`${shop.server.base}/#/orders/${sale.id}`);
    await page.getByRole('button', { name: 'New return' }).click();
    await page.getByRole('heading', { name: 'New return' }).waitFor();
    await page.getByLabel('Qty TEA-LJ').fill('2');
    await page.getByLabel('Reason TEA-LJ').selectOption('damaged');
    await page.getByLabel('Note').fill('Tin dented in transit');
    await screenshot(page, 'returns-50-new-en');
    await page.getByRole('button', { name: 'Open the return' }).click();

    await page.getByRole('button', { name: 'Goods received' }).click();
    await page.getByLabel('Condition TEA-LJ').selectOption('resellable');
    await page.getByLabel('Inspection note for TEA-LJ').fill('Tins fine inside');
    await page.getByRole('button', { name: 'Save the inspection' }).click();
    await page.getByLabel('Back to bin TEA-LJ').selectOption({ label: 'SH1 · R-01' });
    await screenshot(page, 'returns-51-restock-en');
    await page.getByRole('button', { name: 'Restock or scrap' }).click();
    const refund = page.getByRole('button', { name: /^Refund/ });
    await expect(refund.textContent()).resolves.toContain('256.00');
    await refund.click();
    await page.getByText('This return is closed.').waitFor();
    await screenshot(page, 'returns-52-refunded-en');

    expect(await onHandIn('R-01')).toBe(2);
    const order = await shop.api<Order>('orders.get', { id: sale.id });
    expect(order).toMatchObject({ paymentStatus: 'partially_refunded', refundedTotal: 25_600 });
    expect(order.lines[0].returnedQuantity).toBe(2);

    // The order's timeline tells the return's steps in words.
    await page.goto(`${shop.server.base}/#/orders/${sale.id}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(/^Return RMA-\S+ opened/).waitFor();
    await timeline.getByText(/^Return RMA-\S+: CN¥256\.00 refunded/).waitFor();
    // Money refunded for a return is not owed again: nothing is left to pay.
    expect(await page.getByRole('button', { name: 'Take payment' }).count()).toBe(0);
    await screenshot(page, 'returns-56-order-timeline-en');
  });

  it('exchanges the last tin for a cup: the replacement order is placed, and paid when the return is refunded', async () => {
    await page.goto(`${shop.server.base}/#/orders/returns/new/${sale.number}`);
    await page.getByLabel('Qty TEA-LJ').fill('1');
    await page.getByLabel('Reason TEA-LJ').selectOption('wrong_item');
    const code = page.getByLabel('Replacement: scan or type a code');
    await code.fill('CUP-01');
    await code.press('Enter');
    await page.getByLabel('Replacement quantity CUP-01').waitFor();
    await screenshot(page, 'returns-55-exchange-en');
    await page.getByRole('button', { name: 'Open the return' }).click();
    await page.getByRole('link', { name: 'Replacement order' }).waitFor();
    await page.getByRole('button', { name: 'Goods received' }).click();
    await page.getByRole('button', { name: 'Save the inspection' }).click();
    await page.getByRole('button', { name: 'Restock or scrap' }).click();
    await page.getByRole('button', { name: /^Refund/ }).click();
    await page.getByText('This return is closed.').waitFor();

    const returns = await shop.api<{ rows: Array<{ replacementOrderId: string | null; refundTo: string }> }>(
      'returns.list',
      { orderId: sale.id },
    );
    const exchange = returns.rows.find((r) => r.replacementOrderId);
    expect(exchange?.refundTo).toBe('store_credit');
    const replacement = await shop.api<Order & { grandTotal: number }>('orders.get', {
      id: exchange?.replacementOrderId,
    });
    expect(replacement).toMatchObject({ paymentStatus: 'paid', grandTotal: 4_500 });
  });

  it('lists returns and shows them in Chinese', async () => {
    await page.goto(`${shop.server.base}/#/orders/returns`);
    const row = page.getByRole('row', { name: /RMA-.*0001/ });
    await expect(row.textContent()).resolves.toContain('Refunded');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('tab', { name: '退货' }).waitFor();
    await screenshot(page, 'returns-53-list-zh');
    await row.getByRole('link').click();
    await page.getByText('此退货单已完结。').waitFor();
    await screenshot(page, 'returns-54-detail-zh');
  });
});
