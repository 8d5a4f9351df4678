import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/database/connection';
import { launchChromium, screenshot } from './browser';
import { startServe, type ServeProcess } from './serve-process';

const SEED = join(__dirname, '../../out/main/seed-demo.js');

/**
 * The shipments area over the seeded demo shop's history: every parcel that went out is
 * in the grid, found by its tracking number, with the carrier's events on its page.
 */
describe('shipments of the demo history', () => {
  let folder: string;
  let server: ServeProcess;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let parcels: number;
  let sample: { number: string; tracking_number: string | null; order_number: string; events: number };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'oms-demo-shipments-'));
    const db = join(folder, 'shop.db');
    execFileSync(process.execPath, [SEED, '--db', db, '--orders', '3000'], { stdio: 'ignore' });
    const handle = openDatabase(db);
    parcels = Number(
      (
        await handle.db
          .selectFrom('shipments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const delivered = await handle.db
      .selectFrom('shipments')
      .innerJoin('orders', 'orders.id', 'shipments.order_id')
      .select(['shipments.id', 'shipments.number', 'shipments.tracking_number', 'orders.number as order_number'])
      .where('shipments.tracking_status', '=', 'delivered')
      .orderBy('shipments.shipped_at', 'desc')
      .executeTakeFirstOrThrow();
    const events = await handle.db
      .selectFrom('shipment_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('shipment_id', '=', delivered.id)
      .executeTakeFirstOrThrow();
    sample = { ...delivered, events: Number(events.n) };
    await handle.close();

    server = await startServe({ db, token: 't' });
    chromium = await launchChromium();
    page = await (
      await chromium.browser.newContext({ locale: 'en-US', viewport: { width: 1360, height: 820 } })
    ).newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.base}/`);
    await page.getByLabel('Username').fill('owner');
    await page.getByLabel('PIN or password').fill('1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Shipments' }).click();
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists every parcel of the history and finds one by its tracking number', async () => {
    expect(parcels).toBeGreaterThan(500);
    await page.getByText(`${parcels.toLocaleString('en')} shipments`).waitFor();
    await screenshot(page, 'demo-shipments-01-grid-en');

    await page.getByPlaceholder('Search by tracking number, shipment or order number').fill(sample.tracking_number!);
    await page.getByText('1 shipment', { exact: true }).waitFor();
    await page.getByRole('link', { name: sample.number }).click();
    await page.getByRole('heading', { name: 'Tracking timeline' }).waitFor();
    await expect.poll(() => page.getByText(sample.order_number).count()).toBeGreaterThan(0);
    const timeline = page.locator('section', { has: page.getByRole('heading', { name: 'Tracking timeline' }) });
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(sample.events);
    await screenshot(page, 'demo-shipments-02-detail-en');
  });
});
