import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/database/connection';
import { pastMovement } from '../helpers/demand';
import { launchChromium, screenshot } from './browser';
import { startServe, type ServeProcess } from './serve-process';

const SEED = join(__dirname, '../../out/main/seed-demo.js');
/** The product whose stock ran out for a while, so its chart has stock-outs to mark. */
const OUT_SKU = 'LJ-250';

/** A local calendar date `days` before today. */
function daysAgo(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The forecasts area on the seeded demo shop (two years of orders): a forecast run,
 * one product's chart with its stock-outs, and draft purchase orders from the reorder
 * suggestions, in English and Chinese.
 */
describe('forecast screens', () => {
  let folder: string;
  let server: ServeProcess;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  async function api<T>(operation: string, input: unknown): Promise<T> {
    const response = await fetch(`${server.base}/api/${operation}`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    if (!response.ok) throw new Error(`${operation}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oms-forecasts-'));
    const db = join(folder, 'shop.db');
    execFileSync(process.execPath, [SEED, '--db', db, '--orders', '6000', '--today', daysAgo(0)], { stdio: 'ignore' });
    // Out of stock for about four weeks some months ago: in, sold out, back in; and
    // sold out again yesterday. The movements add up to nothing, so today's stock is as seeded.
    const handle = openDatabase(db);
    const product = await handle.db
      .selectFrom('products')
      .select('id')
      .where('sku', '=', OUT_SKU)
      .executeTakeFirstOrThrow();
    const bin = await handle.db
      .selectFrom('locations')
      .select('id')
      .where('is_default', '=', 1)
      .executeTakeFirstOrThrow();
    for (const [days, delta] of [
      [30 * 7, 40],
      [20 * 7, -40],
      [16 * 7, 40],
      [1, -40],
    ] as const) {
      await pastMovement(handle.db, { date: daysAgo(days), productId: product.id, locationId: bin.id, delta });
    }
    await handle.close();

    server = await startServe({ db, token: 't' });
    chromium = await launchChromium();
    page = await (
      await chromium.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 860 } })
    ).newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.base}/`);
    await page.getByLabel('Username').fill('owner');
    await page.getByLabel('PIN or password').fill('1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Forecasts' }).click();
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('runs the forecast on worker threads and lists every product with its model and days of cover', async () => {
    await page.getByText('No forecasts yet: run a forecast to see them.').waitFor();
    await page.getByRole('button', { name: 'Run forecast' }).click();
    await page.getByText(/^Last run .*: \d+ series in [\d.]+ s\.$/).waitFor({ timeout: 60_000 });
    const runs = await api<Array<{ status: string; seriesTotal: number; seriesDone: number }>>('forecasts.runs', {});
    expect(runs[0].status).toBe('done');
    expect(runs[0].seriesDone).toBe(runs[0].seriesTotal);
    const listed = await api<Array<{ sku: string }>>('forecasts.list', { scope: 'all', bucket: 'week' });
    expect(listed.length).toBeGreaterThan(100);
    await page.getByText(`${listed.length} products`).waitFor();
    await page.getByRole('gridcell', { name: OUT_SKU, exact: true }).waitFor();
    await screenshot(page, 'forecasts-01-list-en');
  });

  it('charts one product: history, stock-outs, fitted values, forecast with bands, model and backtest error', async () => {
    await page.getByRole('searchbox', { name: 'Search SKU or name' }).fill(OUT_SKU);
    await page.getByRole('gridcell', { name: OUT_SKU, exact: true }).click();
    await page.getByRole('img', { name: `Demand forecast: ${OUT_SKU}` }).waitFor();
    await page.getByText('Model', { exact: true }).waitFor();
    await page.getByText(/^sMAPE [\d.]+ · MASE [\d.]+ \(\d+ origins\)$/).waitFor();
    await page.getByText(/^\d+ periods out of stock/).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'forecasts-02-chart-en');
    await page.getByRole('link', { name: 'All forecasts' }).click();
    await page.getByRole('tab', { name: 'Product forecasts' }).waitFor();
  });

  it('turns accepted reorder suggestions into draft purchase orders grouped by supplier', async () => {
    await page.getByRole('tab', { name: 'Reorder suggestions' }).click();
    const suggestions = await api<
      Array<{ sku: string; warehouseCode: string; supplierId: string | null; suggested: number }>
    >('forecasts.suggestions', {});
    const orderable = suggestions.filter((s) => s.supplierId !== null && s.suggested > 0);
    expect(orderable.length).toBeGreaterThan(2);
    await page.getByText(`${orderable.length} accepted`).waitFor();
    // Leave the first one out.
    const left = orderable[0];
    // A click, then the count: the grid may redraw the cell, so the clicked box itself is not re-read.
    await page.getByRole('checkbox', { name: `Accept ${left.sku} ${left.warehouseCode}` }).click();
    await page.getByText(`${orderable.length - 1} accepted`).waitFor();
    await page.getByRole('button', { name: 'Create draft purchase orders' }).click();
    await page.getByText('Draft purchase orders created:').waitFor();
    // The drafts answer their suggestions: only the one left out is still to order.
    await page.getByText('1 accepted').waitFor();
    await page.getByRole('checkbox', { name: `Accept ${left.sku} ${left.warehouseCode}` }).waitFor();
    await screenshot(page, 'forecasts-03-reorder-en');

    const drafts = await api<Array<{ id: string; supplierId: string; status: string }>>('purchaseOrders.list', {
      statuses: ['draft'],
    });
    const suppliers = new Set(orderable.slice(1).map((s) => s.supplierId));
    expect(drafts.length).toBe(suppliers.size);
    const lines = (
      await Promise.all(drafts.map((d) => api<{ lines: Array<{ sku: string }> }>('purchaseOrders.get', { id: d.id })))
    ).flatMap((po) => po.lines.map((l) => l.sku));
    expect(lines.sort()).toEqual(
      orderable
        .slice(1)
        .map((s) => s.sku)
        .sort(),
    );
  });

  it('changes the replenishment policy, checking it in the browser first', async () => {
    await page.getByRole('button', { name: 'Change policy' }).click();
    const form = page.getByRole('form', { name: 'Replenishment policy' });
    await form.getByLabel('Service level (%)').fill('120');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await form.getByRole('alert').first().waitFor();
    await screenshot(page, 'forecasts-07-policy-en');
    await form.getByLabel('Service level (%)').fill('99');
    await form.getByLabel('Cost per order').fill('80');
    await form.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Service level 99 % · ordering cost CN¥80.00 · holding 25 % a year · Weeks').waitFor();
    expect(await api('forecasts.settings', {})).toMatchObject({ serviceLevelPercent: 99, orderingCost: 8000 });
  });

  it('shows the same screens in Chinese', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('tab', { name: '补货建议' }).waitFor();
    await page.getByText('只看需要订货的').waitFor();
    await screenshot(page, 'forecasts-04-reorder-zh');
    await page.getByRole('tab', { name: '商品预测' }).click();
    await page.getByRole('button', { name: '运行预测' }).waitFor();
    await page.getByText(/^上次运行/).waitFor();
    await screenshot(page, 'forecasts-05-list-zh');
    await page.getByRole('searchbox', { name: '搜索 SKU 或名称' }).fill(OUT_SKU);
    await page.getByRole('gridcell', { name: OUT_SKU, exact: true }).click();
    await page.getByRole('img', { name: `需求预测: ${OUT_SKU}` }).waitFor();
    await page.getByText(/个周期缺货/).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'forecasts-06-chart-zh');
  });
});
