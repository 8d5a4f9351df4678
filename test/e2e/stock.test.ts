import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

/** The stock screens in Chromium over HTTP: warehouses, suppliers, products, receiving and adjusting. */
describe('stock screens', () => {
  let shop: ShopSession;
  let page: Page;

  beforeAll(async () => {
    shop = await openShop('stock');
    page = shop.page;
    // Some catalogue to look through, made over the API as an integration would.
    for (let i = 1; i <= 30; i++) {
      await shop.api('products.create', {
        sku: `TEA-${String(i).padStart(3, '0')}`,
        name: `Oolong sample ${i}`,
        unitPrice: 1000 + i,
      });
    }
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock' }).click();
  });

  afterAll(() => shop?.close());

  it('adds a warehouse with bins and a supplier', async () => {
    await page.getByRole('tab', { name: 'Warehouses' }).click();
    await page.getByText('No warehouses yet.').waitFor();
    await page.getByRole('button', { name: 'Add warehouse' }).click();
    const form = page.getByRole('form', { name: 'Add warehouse' });
    await form.getByLabel('Code').fill('sh1');
    await form.getByLabel('Name').fill('上海仓 Shanghai');
    await form.getByRole('button', { name: 'Create warehouse' }).click();
    const card = page.getByRole('article', { name: 'SH1 · 上海仓 Shanghai' });
    for (const code of ['A-01', 'A-02']) {
      await card.getByLabel('Bin code').fill(code);
      await card.getByRole('button', { name: 'Add bin' }).click();
      await card.getByText(code, { exact: true }).waitFor();
    }
    await card.getByLabel('Bin code').fill('A-01');
    await card.getByRole('button', { name: 'Add bin' }).click();
    await card.getByText('Already used.').waitFor();
    await screenshot(page, '20-warehouses-en');

    await page.getByRole('tab', { name: 'Suppliers' }).click();
    await page.getByRole('button', { name: 'Add supplier' }).click();
    const supplier = page.getByRole('form', { name: 'Add supplier' });
    await supplier.getByLabel('Name').fill('云南茶厂 Yunnan Tea Co.');
    await supplier.getByLabel('Lead time (days)').fill('14');
    await supplier.getByRole('button', { name: 'Create supplier' }).click();
    await page.getByRole('cell', { name: '云南茶厂 Yunnan Tea Co.' }).waitFor();
  });

  it('creates a product, refusing a wrong check digit first', async () => {
    await page.getByRole('tab', { name: 'Products' }).click();
    await page.getByRole('button', { name: 'New product' }).click();
    const form = page.getByRole('form', { name: 'Product' });
    await form.getByLabel('SKU').fill('PU-357');
    await form.getByLabel('Barcode').fill('6901234567893');
    await form.getByLabel('Name').fill('云南普洱茶 熟茶 357克');
    await form.getByLabel('Unit price (CNY)').fill('128.5');
    await form.getByLabel('Reorder point').fill('10');
    await form.getByLabel('Supplier').selectOption({ label: '云南茶厂 Yunnan Tea Co.' });
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.getByText('The check digit is wrong: it should be 2.').waitFor();
    await form.getByLabel('Barcode').fill('6901234567892');
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { name: 'PU-357 · 云南普洱茶 熟茶 357克' }).waitFor();
  });

  it('receives stock with a cost, and refuses an adjustment below what is there', async () => {
    await page.getByRole('button', { name: 'Receive' }).click();
    const receive = page.getByRole('form', { name: 'Receive' });
    await receive.getByLabel('Location').selectOption({ label: 'SH1 / A-01' });
    await receive.getByLabel('Quantity').fill('8');
    await receive.getByLabel('Unit cost (CNY)').fill('60');
    await receive.getByRole('button', { name: 'Post' }).click();
    await page.getByText('Stock updated.').waitFor();
    await page.getByRole('cell', { name: 'SH1 / A-01' }).first().waitFor();
    await page.getByText('Average cost: CN¥60.00').waitFor();

    await page.getByRole('button', { name: 'Adjust' }).click();
    const adjust = page.getByRole('form', { name: 'Adjust' });
    await adjust.getByLabel('Location').selectOption({ label: 'SH1 / A-01' });
    await adjust.getByLabel('Change (+/−)').fill('-9');
    await adjust.getByLabel('Reason').selectOption({ label: 'Damaged' });
    await adjust.getByRole('button', { name: 'Post' }).click();
    await page.getByText('Not enough PU-357 at A-01: asked 9, available 8.').waitFor();
    await adjust.getByLabel('Change (+/−)').fill('-2');
    await adjust.getByRole('button', { name: 'Post' }).click();
    await page.getByText('Stock updated.').waitFor();
    const history = page.getByRole('region', { name: 'Movement history' });
    await history.getByRole('cell', { name: 'Adjustment' }).waitFor();
    await history.getByRole('cell', { name: 'Damaged' }).waitFor();
    await screenshot(page, '21-product-detail-en');
  });

  it('creates a variant in a new family', async () => {
    await page.getByRole('link', { name: 'Back to products' }).click();
    await page.getByRole('button', { name: 'New product' }).click();
    const form = page.getByRole('form', { name: 'Product' });
    await form.getByLabel('SKU').fill('LS-M-BLUE');
    await form.getByLabel('Name').fill('Linen shirt M blue');
    await form.getByLabel('Unit price (CNY)').fill('299');
    await form.getByRole('button', { name: 'New family…' }).click();
    await form.getByLabel('Family name').fill('Linen shirt');
    await form.getByLabel('Handle (e.g. linen-shirt)').fill('linen-shirt');
    await form.getByLabel('Options (e.g. Size, Colour)').fill('Size, Colour');
    await form.getByRole('button', { name: 'Create family' }).click();
    // Exact labels: until the family exists, "Size" would also find "Options (e.g. Size, Colour)".
    await form.getByLabel('Size', { exact: true }).fill('M');
    await form.getByLabel('Colour', { exact: true }).fill('Blue');
    await screenshot(page, '21b-variant-form-en');
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { name: 'LS-M-BLUE · Linen shirt M blue' }).waitFor();
    await page.getByRole('link', { name: 'Back to products' }).click();
    await page.getByLabel('Search SKU, barcode or name').fill('linen');
    await page.getByRole('gridcell', { name: 'Size: M · Colour: Blue' }).waitFor();
    await page.getByLabel('Search SKU, barcode or name').fill('');
    await page.getByRole('gridcell', { name: 'TEA-001' }).waitFor();
  });

  it('finds the product by its Chinese name and shows it low on stock', async () => {
    await page.getByLabel('Search SKU, barcode or name').fill('普洱');
    await page.getByRole('gridcell', { name: 'PU-357' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await screenshot(page, '22-products-search-en');

    await page.getByRole('tab', { name: 'Stock levels' }).click();
    await page.getByLabel('Low stock only').check();
    await page.getByRole('gridcell', { name: 'PU-357' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('tab', { name: '库存' }).waitFor();
    await page.getByRole('gridcell', { name: '低库存' }).waitFor();
    await screenshot(page, '23-stock-levels-low-zh');
    await page.getByRole('tab', { name: '商品' }).click();
    await page.getByLabel('搜索 SKU、条码或名称').fill('');
    await page.getByRole('gridcell', { name: 'TEA-001' }).waitFor();
    await screenshot(page, '24-products-zh');
  });
});
