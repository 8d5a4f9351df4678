import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

/** Receiving a purchase order by scanning, counting with a variance, and a transfer, in Chromium. */
describe('receiving, counting and transfers', () => {
  let shop: ShopSession;
  let page: Page;
  const ids: Record<string, string> = {};
  const api = <T = { id: string }>(operation: string, input: unknown): Promise<T> => shop.api<T>(operation, input);

  /**
   * A scanner: a burst of keys and Enter, with nothing focused. The keys are dispatched in
   * one go in the page: typed one by one from here, a loaded CI machine can space them
   * wider than any scanner would, and the burst would rightly not count as a scan.
   */
  const scan = async (code: string) => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.evaluate(`for (const key of [...${JSON.stringify(code)}, 'Enter']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }`);
  };

  beforeAll(async () => {
    shop = await openShop('receiving');
    page = shop.page;
    const main = await api<{ id: string }>('warehouses.create', { code: 'MAIN', name: '主仓库 Main' });
    const front = await api<{ id: string }>('warehouses.create', { code: 'SHOP', name: '门店 Shop' });
    const supplier = await api('suppliers.create', { name: '云南茶厂 Yunnan Tea Co.' });
    const tea = await api('products.create', {
      sku: 'PU-357',
      name: '云南普洱茶 357克',
      unitPrice: 12800,
      barcode: '6901234567892',
    });
    const cup = await api('products.create', {
      sku: 'CUP-01',
      name: '青瓷杯 Celadon cup',
      unitPrice: 3800,
      barcode: '4006381333931',
    });
    Object.assign(ids, { main: main.id, shop: front.id, tea: tea.id, cup: cup.id });
    const po = await api<{ id: string; number: string }>('purchaseOrders.create', {
      supplierId: supplier.id,
      warehouseId: main.id,
      lines: [
        { productId: tea.id, quantity: 3, unitCost: 6000 },
        { productId: cup.id, quantity: 2, unitCost: 1500 },
      ],
    });
    await api('purchaseOrders.order', { id: po.id });
    ids.po = po.id;
  });

  afterAll(() => shop?.close());

  it('receives a purchase order by scanning, refusing an item that is not on it', async () => {
    await page.goto(`${shop.server.base}/#/stock/purchaseOrders`);
    await page.getByRole('link', { name: /^PO-/ }).click();
    await page.getByText('Scan items anywhere on this screen').waitFor();
    for (const code of ['6901234567892', '6901234567892', '6901234567892', '4006381333931']) {
      await scan(code);
      await page.getByText(/^Scanned /).waitFor();
    }
    await scan('96385074');
    await page.getByText('Not on this order: 96385074').waitFor();
    await expect.poll(() => page.getByLabel('Receiving now PU-357').inputValue()).toBe('3');
    await expect.poll(() => page.getByLabel('Receiving now CUP-01').inputValue()).toBe('1');
    await screenshot(page, '30-po-receiving-en');
    await page.getByRole('button', { name: 'Post receipt' }).click();
    await page.getByText('Receipt posted.').waitFor();
    await page.getByText('Partially received').first().waitFor();
    const po = await api<{ status: string; lines: Array<{ quantityReceived: number }> }>('purchaseOrders.get', {
      id: ids.po,
    });
    expect(po.lines.map((l) => l.quantityReceived)).toEqual([3, 1]);
  });

  it('counts a bin blind, reviews the variance and posts it', async () => {
    await page.goto(`${shop.server.base}/#/stock/counts`);
    await page.getByRole('button', { name: 'Start a count' }).click();
    await page.getByRole('form', { name: 'Start a count' }).getByRole('button', { name: 'Start a count' }).click();
    await page.getByText('Scan items anywhere on this screen; each scan adds one.').waitFor();
    await scan('6901234567892');
    await page.getByText('Counted one 6901234567892').waitFor();
    await scan('6901234567892');
    await page.getByRole('cell', { name: 'PU-357' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /PU-357/ })
          .getByRole('cell')
          .nth(2)
          .textContent(),
      )
      .toBe('2');
    await page.getByRole('button', { name: 'Review variances' }).click();
    const review = page.getByRole('region', { name: 'Review variances' });
    await review.getByRole('cell', { name: '-1' }).first().waitFor();
    await review.getByText('not counted').waitFor();
    await screenshot(page, '31-count-review-en');
    await page.getByRole('button', { name: 'Post adjustments' }).click();
    await page.getByText('Count posted: 2 adjustments.').waitFor();
    const levels = await api<Array<{ productId: string; onHand: number }>>('stock.levels', { warehouseId: ids.main });
    expect(levels.find((l) => l.productId === ids.tea)?.onHand).toBe(2);
    expect(levels.find((l) => l.productId === ids.cup)?.onHand).toBe(0);
  });

  it('transfers stock to the shop: draft, ship (in transit), receive with one missing', async () => {
    await page.goto(`${shop.server.base}/#/stock/transfers`);
    await page.getByRole('button', { name: 'New transfer' }).click();
    const form = page.getByRole('form', { name: 'New transfer' });
    await form.getByLabel('To').selectOption({ label: 'SHOP · 门店 Shop' });
    await form.getByLabel('Add a product by SKU or barcode, then Enter').fill('PU-357');
    await form.getByLabel('Add a product by SKU or barcode, then Enter').press('Enter');
    await form.getByLabel('Quantity PU-357').fill('2');
    await form.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('button', { name: 'Ship' }).click();
    await page.getByText('In transit').waitFor();
    const during = await api<{ rows: Array<{ onHand: number; inTransit: number }> }>('stock.overview', {
      warehouseId: ids.shop,
      search: 'PU-357',
    });
    expect(during.rows[0]).toMatchObject({ onHand: 0, inTransit: 2 });
    // One of the two went missing on the way.
    await page.getByLabel('Received PU-357').fill('1');
    await page.getByRole('button', { name: 'Receive', exact: true }).click();
    await page.locator('.status', { hasText: 'Received' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('已收货').waitFor();
    await screenshot(page, '32-transfer-received-zh');
    const after = await api<{ rows: Array<{ onHand: number }> }>('stock.overview', {
      warehouseId: ids.shop,
      search: 'PU-357',
    });
    expect(after.rows[0]).toMatchObject({ onHand: 1, inTransit: 0 });
    const verify = await api<{ binDriftCount: number; summaryDriftCount: number }>('stock.verify', {});
    expect(verify).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
  });
});
