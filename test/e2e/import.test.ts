import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

const FIXTURES = join(__dirname, '../fixtures/csv');

/** Stock → Import / export in Chromium over HTTP: a dry run, the import, a damaged file, an export. */
describe('catalogue import and export', () => {
  let shop: ShopSession;
  let page: Page;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the server, checked by the expectations
  const api = (operation: string, input: unknown): Promise<any> => shop.api(operation, input);

  beforeAll(async () => {
    shop = await openShop('import', { viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page = shop.page;
    await api('warehouses.create', { code: 'MAIN', name: '主仓 Main' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock' }).click();
    await page.getByRole('tab', { name: 'Import / export' }).click();
  });

  afterAll(() => shop?.close());

  it('dry-runs a Shopify file, shows the report, and imports it', async () => {
    const form = page.getByRole('form', { name: 'Import products from CSV' });
    await form.getByLabel('Format').selectOption({ label: 'Shopify product CSV' });
    await form.getByLabel('Opening stock goes to').selectOption({ label: 'MAIN · 主仓 Main' });
    await form.getByLabel('CSV file').setInputFiles(join(FIXTURES, 'shopify-products.csv'));
    await form.getByRole('button', { name: 'Check file' }).click();

    const report = page.getByRole('region', { name: 'Dry run: shopify-products.csv' });
    await report.getByText('9 rows: 7 new products, 0 to update, 2 skipped; 2 new families.').waitFor();
    await report.getByText('Opening stock: 49 units in 6 receipts.').waitFor();
    await report.getByText('New suppliers: Yixing Pottery, Suzhou Linen, 安溪茶厂').waitFor();
    await report.getByText('Errors: 0 · warnings: 1').waitFor();
    const row = report.getByRole('row', { name: /LS-L-IND/ });
    await expect
      .poll(() => row.textContent())
      .toContain('lost its leading zero in a spreadsheet: imported as 036000291452');
    await screenshot(page, '30-import-dry-run-en');

    // The dry run wrote nothing.
    expect((await api('products.list', {})).total).toBe(0);
    await form.getByRole('button', { name: 'Import 7 products' }).click();
    await page
      .getByText(
        'Imported: 7 created, 0 updated, 2 skipped; 2 families and 3 suppliers created; 49 units of opening stock.',
      )
      .waitFor();
    await screenshot(page, '31-import-done-en');

    const products = await api('products.list', { familyId: undefined, limit: 50 });
    expect(products.rows.map((p: { sku: string }) => p.sku).sort()).toEqual([
      'LS-L-IND',
      'LS-M-IND',
      'LS-M-NAT',
      'LS-S-NAT',
      'TGY-100',
      'TGY-250',
      'YX-200',
    ]);
    const check = await api('stock.verify', {});
    expect([check.binDriftCount, check.summaryDriftCount]).toEqual([0, 0]);
  });

  it('lists every problem of a damaged file by line, in Chinese too, and will not import it', async () => {
    const form = page.getByRole('form', { name: 'Import products from CSV' });
    await form.getByLabel('Format').selectOption({ label: 'OMS (our format)' });
    await form.getByLabel('CSV file').setInputFiles(join(FIXTURES, 'oms-damaged.csv'));
    await form.getByRole('button', { name: 'Check file' }).click();
    const report = page.getByRole('region', { name: 'Dry run: oms-damaged.csv' });
    await report.getByText('Errors: 11 · warnings: 4').waitFor();
    await page.getByText('Correct the errors in the file and check it again').waitFor();
    const scientific = report.getByRole('row', { name: /SCI-1/ });
    await expect.poll(() => scientific.textContent()).toContain('is in scientific notation');
    expect(await form.getByRole('button', { name: 'Import 8 products' }).isDisabled()).toBe(true);
    await screenshot(page, '32-import-errors-en');

    await page.getByRole('button', { name: '中文' }).click();
    const zh = page.getByRole('region', { name: '试运行：oms-damaged.csv' });
    await zh.getByText('错误 11 个 · 警告 4 个').waitFor();
    await expect.poll(() => zh.getByRole('row', { name: /CHK-1/ }).textContent()).toContain('校验位错误：末位应为 3');
    await screenshot(page, '33-import-errors-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Import / export' }).waitFor();
  });

  it('shows a progress bar while it checks a large file, and while the import runs', async () => {
    const lines = ['sku,name,unit_price,barcode,stock'];
    for (let i = 0; i < 60_000; i++) lines.push(`BULK-${i},散装茶 Bulk tea ${i},${(i % 90) + 1}.50,,${i % 5}`);
    const folder = mkdtempSync(join(tmpdir(), 'oms-bulk-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, 'bulk-60000.csv');
    writeFileSync(file, lines.join('\r\n'));
    // Each call is held back until its screenshot is taken; the work behind it goes on.
    const hold = async (operation: string) => {
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let passed: Promise<void> = Promise.resolve();
      await page.route(`**/api/${operation}`, (route) => {
        passed = held.then(() => route.continue());
        return passed;
      });
      return async () => {
        release();
        await passed;
        await page.unroute(`**/api/${operation}`);
      };
    };

    const form = page.getByRole('form', { name: 'Import products from CSV' });
    await form.getByLabel('Format').selectOption({ label: 'OMS (our format)' });
    await form.getByLabel('CSV file').setInputFiles(file);
    const releaseReport = await hold('imports.report');
    await form.getByRole('button', { name: 'Check file' }).click();
    // A bar part-way through the checking (the page's own DOM, polled every frame).
    await page.waitForFunction(() => {
      type Bar = { value: number; parentElement: { textContent: string } };
      const { document } = globalThis as unknown as { document: { querySelector(selector: string): Bar | null } };
      const bar = document.querySelector('progress');
      return bar !== null && bar.value > 0 && bar.value < 1 && /Checking row/.test(bar.parentElement.textContent);
    });
    await screenshot(page, '35-import-progress-en');
    await releaseReport();
    await page
      .getByRole('region', { name: 'Dry run: bulk-60000.csv' })
      .getByText(/^60,000 rows: 60,000 new products/)
      .waitFor();

    await form.getByLabel('Format').selectOption({ label: 'WooCommerce product CSV' });
    await form.getByLabel('CSV file').setInputFiles(join(FIXTURES, 'woocommerce-products.csv'));
    await form.getByRole('button', { name: 'Check file' }).click();
    await page
      .getByRole('region', { name: 'Dry run: woocommerce-products.csv' })
      .getByText('Errors: 0 · warnings: 3')
      .waitFor();
    const releaseCommit = await hold('imports.commit');
    await form.getByRole('button', { name: 'Import 5 products' }).click();
    await page.getByText('Importing 5 products in one transaction…').waitFor();
    await screenshot(page, '36-import-committing-en');
    await releaseCommit();
    await page.getByText(/^Imported: 5 created/).waitFor();
    expect((await api('products.list', { limit: 1 })).total).toBe(12);
  });

  it('exports the catalogue as a CSV download', async () => {
    const exporting = page.getByRole('region', { name: 'Export products' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exporting.getByRole('button', { name: 'Download OMS (our format)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^products-oms-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = text.slice(1).trim().split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['sku', 'name', 'description', 'barcode', 'unit_price']);
    expect(header).toContain('stock:MAIN');
    expect(rows).toHaveLength(12);
    expect(text).toContain('铁观音 乌龙茶 Tieguanyin oolong');
    await page.getByText(/^12 rows in products-oms-/).waitFor();
    await screenshot(page, '34-export-en');
  });
});
