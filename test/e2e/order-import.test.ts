import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

const FIXTURES = join(__dirname, '../fixtures/csv');

/** Orders → Import in Chromium over HTTP: a Shopify "Export orders" file checked, then imported; a damaged file refused. */
describe('order history import', () => {
  let shop: ShopSession;
  let page: Page;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the server, checked by the expectations
  const api = (operation: string, input: unknown): Promise<any> => shop.api(operation, input);

  beforeAll(async () => {
    shop = await openShop('order-import', { viewport: { width: 1360, height: 900 } });
    page = shop.page;
    const main = await api('warehouses.create', { code: 'MAIN', name: '主仓 Main' });
    for (const [sku, name, unitPrice] of [
      ['PU-357', '云南普洱茶 熟茶 357克', 12850],
      ['LJ-250', '西湖龙井 绿茶 250g', 129900],
      ['MUG-01', 'Tea mug, celadon', 4500],
    ] as const) {
      const product = await api('products.create', { sku, name, unitPrice, taxClass: 'standard' });
      await api('stock.receive', {
        productId: product.id,
        locationId: main.locations[0].id,
        quantity: 20,
        unitCost: 1000,
      });
    }
    await api('customers.create', {
      name: '李娜 Li Na',
      phone: '13912345678',
      email: '',
      tags: [],
      notes: '',
      addresses: [],
    });
    await page.goto(`${shop.server.base}/#/orders/import`);
  });

  afterAll(() => shop?.close());

  it('dry-runs a Shopify export, shows the orders and the problems by line, and imports it without moving stock', async () => {
    const form = page.getByRole('form', { name: 'Import order history from CSV' });
    await form.getByLabel('Format').selectOption({ label: 'Shopify “Export orders” CSV' });
    await form.getByLabel('CSV file').setInputFiles(join(FIXTURES, 'shopify-orders.csv'));
    await form.getByRole('button', { name: 'Check file' }).click();

    const report = page.getByRole('region', { name: 'Dry run: shopify-orders.csv' });
    await report
      .getByText('7 rows: 4 orders with 7 lines (2 kept as text, without a product).', { exact: false })
      .waitFor();
    await report.getByText('Customers: 2 new, 1 found by email or phone.', { exact: false }).waitFor();
    await report.getByText('Errors: 0 · warnings: 3').waitFor();
    await expect
      .poll(() => report.getByRole('row', { name: /TEA-SAMPLER/ }).textContent())
      .toContain('The SKU TEA-SAMPLER is not in the catalogue: the line is kept as text');
    await screenshot(page, 'order-import-10-dry-run-en');

    await page.getByRole('button', { name: '中文' }).click();
    const zh = page.getByRole('region', { name: '试运行：shopify-orders.csv' });
    await zh.getByText('错误 0 个 · 警告 3 个').waitFor();
    await expect
      .poll(() => zh.getByRole('row', { name: /TEA-SAMPLER/ }).textContent())
      .toContain('商品目录中没有 SKU TEA-SAMPLER');
    await screenshot(page, 'order-import-11-dry-run-zh');
    await page.getByRole('button', { name: 'English' }).click();

    const stockBefore = await api('stock.overview', {});
    expect((await api('orders.list', {})).rows).toEqual([]);
    await form.getByRole('button', { name: 'Import 4 orders' }).click();
    await page
      .getByText('Imported 4 orders with 7 lines and 3 payments; 2 customers created, 1 found. No stock was moved.')
      .waitFor();
    await screenshot(page, 'order-import-12-done-en');

    const orders = await api('orders.list', { sort: 'number', direction: 'asc' });
    expect(
      orders.rows.map((o: { number: string; source: string; status: string }) => [o.number, o.source, o.status]),
    ).toEqual([
      ['#1001', 'shopify', 'completed'],
      ['#1002', 'shopify', 'confirmed'],
      ['#1003', 'shopify', 'completed'],
      ['#1004', 'shopify', 'cancelled'],
    ]);
    expect(await api('stock.overview', {})).toEqual(stockBefore);
  });

  it('lists the problems of a damaged order file by line, in Chinese too, and will not import it', async () => {
    const form = page.getByRole('form', { name: 'Import order history from CSV' });
    await form.getByLabel('Format').selectOption({ label: 'OMS order CSV (our format)' });
    await form.getByLabel('CSV file').setInputFiles(join(FIXTURES, 'oms-orders-problems.csv'));
    await form.getByRole('button', { name: 'Check file' }).click();
    const report = page.getByRole('region', { name: 'Dry run: oms-orders-problems.csv' });
    await report.getByText('Errors: 12 · warnings: 1').waitFor();
    await page.getByText('Correct the errors in the file and check it again').waitFor();
    await expect
      .poll(() => report.getByRole('row', { name: /^6 / }).textContent())
      .toContain(
        'The grand total is 99.00; the lines, shipping and tax make 45.00 (tax included) or 50.18 (tax added).',
      );
    expect(await form.getByRole('button', { name: /^Import \d+ orders$/ }).isDisabled()).toBe(true);
    await screenshot(page, 'order-import-13-errors-en');

    await page.getByRole('button', { name: '中文' }).click();
    const zh = page.getByRole('region', { name: '试运行：oms-orders-problems.csv' });
    await zh.getByText('错误 12 个 · 警告 1 个').waitFor();
    await expect.poll(() => zh.getByRole('row', { name: /^2 / }).textContent()).toContain('订单币种为 USD');
    await screenshot(page, 'order-import-14-errors-zh');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('shows a progress bar while it checks a large Shopify export', async () => {
    const header =
      'Name,Email,Financial Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku';
    const lines = [header];
    for (let n = 0; n < 30_000; n++) {
      lines.push(
        `#${5000 + n},buyer${n % 3000}@example.cn,paid,CNY,45.00,0.00,0.00,45.00,2024-03-01 10:00:00 +0800,1,青瓷茶杯 Celadon mug,45.00,MUG-01`,
      );
    }
    const folder = mkdtempSync(join(tmpdir(), 'oms-order-bulk-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, 'shopify-30000.csv');
    writeFileSync(file, lines.join('\r\n'));
    // The report call is held back until the screenshot is taken; the analysis behind it goes on.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let passed: Promise<void> = Promise.resolve();
    await page.route('**/api/orderImports.report', (route) => {
      passed = held.then(() => route.continue());
      return passed;
    });

    const form = page.getByRole('form', { name: 'Import order history from CSV' });
    await form.getByLabel('Format').selectOption({ label: 'Shopify “Export orders” CSV' });
    await form.getByLabel('CSV file').setInputFiles(file);
    await form.getByRole('button', { name: 'Check file' }).click();
    await page.waitForFunction(() => {
      type Bar = { value: number; parentElement: { textContent: string } };
      const { document } = globalThis as unknown as { document: { querySelector(selector: string): Bar | null } };
      const bar = document.querySelector('progress');
      return bar !== null && bar.value > 0 && bar.value < 1 && /Checking order/.test(bar.parentElement.textContent);
    });
    await screenshot(page, 'order-import-15-progress-en');
    release();
    await passed;
    await page.unroute('**/api/orderImports.report');
    const report = page.getByRole('region', { name: 'Dry run: shopify-30000.csv' });
    await report.getByText('30,000 rows: 30,000 orders with 30,000 lines', { exact: false }).waitFor();
    await report.getByText('Errors: 0 · warnings: 0').waitFor();
  });
});
