import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryDay } from '../../src/shared/domain/delivery-routes';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

/** A day of deliveries around central Shanghai: 1,010 kg in all, more than one 600 kg van takes. */
const STOPS_CSV = [
  'name,address,latitude,longitude,weight_kg,volume_l,window_start,window_end,service_minutes,notes',
  'Li Lei,1 Nanjing East Rd,31.2397,121.4998,120,200,,,5,',
  'Han Meimei,88 Huaihai Middle Rd,31.2165,121.4590,80,150,09:00,10:30,10,Ring twice',
  'Zhang Wei,5 Century Ave,31.2352,121.5055,200,300,,,5,',
  'Wang Fang,12 Xujiahui Rd,31.1955,121.4366,150,250,,,5,',
  'Chen Jie,7 Zhongshan Park,31.2231,121.4208,90,120,,,5,',
  'Liu Yang,3 Lujiazui Ring Rd,31.2400,121.5120,60,80,,,5,',
  'Zhao Min,9 Jing’an Temple,31.2237,121.4457,110,160,,,5,',
  'Sun Li,21 Sichuan North Rd,31.2647,121.4918,130,210,,,5,',
].join('\n');

/** Shipments → Delivery routes in Chromium over HTTP: a day's stops, two vans, a plan, its map and sheets. */
describe('delivery routes', () => {
  let shop: ShopSession;
  let page: Page;
  let folder: string;
  let warehouseId: string;

  beforeAll(async () => {
    shop = await openShop('routes', { viewport: { width: 1360, height: 1000 } });
    page = shop.page;
    folder = mkdtempSync(join(tmpdir(), 'oms-routes-csv-'));
    warehouseId = (
      await shop.api('warehouses.create', { code: 'SH1', name: 'Shanghai shop', address: '1 People’s Sq' })
    ).id;
    await shop.api('routes.saveVehicle', { name: 'Van A', capacityGrams: 600_000, startTime: '08:00' });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Shipments' }).click();
    await page.getByRole('tab', { name: 'Delivery routes' }).click();
  });

  afterAll(async () => {
    await shop?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('plans a route: enters the warehouse, imports and adds stops, adds a van, plans with two', async () => {
    const planner = page.getByRole('region', { name: 'Delivery routes' });
    await planner.getByText('Enter the warehouse’s latitude and longitude').waitFor();
    const depot = planner.getByRole('form', { name: 'Where the warehouse is' });
    await depot.getByLabel('Latitude').fill('31.2304');
    await depot.getByLabel('Longitude').fill('121.4737');
    await depot.getByRole('button', { name: 'Save place' }).click();
    await planner.getByText('Saved where SH1 is.').waitFor();

    const stops = planner.getByRole('region', { name: 'Stops' });
    await stops.getByRole('button', { name: 'Import CSV' }).click();
    const file = join(folder, 'stops.csv');
    writeFileSync(file, STOPS_CSV);
    await stops.getByLabel('CSV file').setInputFiles(file);
    await stops.getByRole('button', { name: 'Import', exact: true }).click();
    await stops.getByText('Added 8 stops.').waitFor();
    await stops.getByText('8 stops, 8 with a place').waitFor();

    // One more by hand; a window that ends before it starts is refused in place first.
    await stops.getByRole('button', { name: 'Add stop' }).click();
    const form = stops.getByRole('form', { name: 'Add stop' });
    await form.getByLabel('Name').fill('Tea house Zhou');
    await form.getByLabel('Address').fill('66 Fuzhou Rd');
    await form.getByLabel('Latitude').fill('31.2338');
    await form.getByLabel('Longitude').fill('121.4823');
    await form.getByLabel('Weight (kg)').fill('70');
    await form.getByLabel('Not before').fill('14:00');
    await form.getByLabel('Not after').fill('13:00');
    await form.getByRole('button', { name: 'Save stop' }).click();
    await form.getByText('The window must end after it starts').waitFor();
    await form.getByLabel('Not after').fill('16:00');
    await form.getByRole('button', { name: 'Save stop' }).click();
    await stops.getByText('9 stops, 9 with a place').waitFor();
    await stops.getByRole('gridcell', { name: 'Tea house Zhou' }).waitFor();

    const vehicles = planner.getByRole('region', { name: 'Vehicles' });
    await vehicles.getByRole('button', { name: 'Add vehicle' }).click();
    const van = vehicles.getByRole('form', { name: 'Add vehicle' });
    await van.getByLabel('Name').fill('Van B');
    await van.getByLabel('Capacity (kg)').fill('600');
    await van.getByLabel('Capacity (m³)').fill('1.5');
    await van.getByLabel('Leaves at').fill('08:30');
    await van.getByRole('button', { name: 'Save vehicle' }).click();
    await vehicles.getByLabel('Use Van B').waitFor();
    expect(await vehicles.getByLabel('Use Van A').isChecked()).toBe(true);
    expect(await vehicles.getByLabel('Use Van B').isChecked()).toBe(true);

    const plan = planner.getByRole('region', { name: 'Plan' });
    await plan.getByLabel('Time to search').selectOption({ label: '1 s' });
    await plan.getByRole('button', { name: 'Plan routes' }).click();
    await plan.getByText('Total distance').waitFor();
    const day = await shop.api<DeliveryDay>('routes.day', {
      warehouseId,
      date: await planner.getByLabel('Delivery date').inputValue(),
    });
    const stored = day.plan;
    if (!stored) throw new Error('no plan stored');
    expect(stored.routes).toHaveLength(2);
    expect(stored.leftOut).toEqual([]);
    expect(stored.routes.flatMap((r) => r.stops)).toHaveLength(9);
    for (const route of stored.routes) expect(route.loadGrams).toBeLessThanOrEqual(600_000);

    const km = `${(stored.distanceMetres / 1000).toFixed(1)} km`;
    await plan.getByText(km, { exact: true }).waitFor();
    const routesTable = plan.getByRole('table', { name: 'Routes' });
    await expect.poll(() => routesTable.getByRole('row').count()).toBe(3);
    const map = plan.getByRole('img', { name: 'Route map' });
    await map.waitFor();
    expect(await map.locator('polyline').count()).toBe(2);
    expect(await map.locator('circle').count()).toBe(9);

    const sheetA = planner.getByRole('article', { name: 'Route sheet Van A' });
    const sheetB = planner.getByRole('article', { name: 'Route sheet Van B' });
    await sheetA.waitFor();
    await sheetB.waitFor();
    const first = stored.routes[0];
    const firstStop = day.stops.find((s) => s.id === first.stops[0].stopId);
    const sheet = planner.getByRole('article', { name: `Route sheet ${first.vehicleName}` });
    const firstRow = sheet.getByRole('row').nth(1);
    expect(await firstRow.textContent()).toContain(firstStop?.name ?? '?');
    expect(await firstRow.textContent()).toContain(first.stops[0].arrivesAt);
    const windowed = stored.routes.flatMap((r) => r.stops).find((s) => s.stopId === day.stops[1].id);
    expect(windowed && windowed.arrivesAt >= '09:00' && windowed.arrivesAt <= '10:30').toBe(true);

    await plan.getByRole('img', { name: 'Route map' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'routes-01-plan-en');
    await sheetA.scrollIntoViewIfNeeded();
    await screenshot(page, 'routes-02-sheets-en');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'routes-03-print-en');
    expect(await plan.isVisible()).toBe(false);
    expect(await sheetA.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the plan, map and sheets in Chinese, and marks the plan stale after a change', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    const planner = page.getByRole('region', { name: '配送路线' });
    await planner.getByText('总距离').waitFor();
    await planner.getByRole('img', { name: '路线图' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'routes-04-plan-zh');
    await planner.getByRole('article', { name: '路线单 Van A' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'routes-05-sheets-zh');

    const stops = planner.getByRole('region', { name: '站点' });
    await stops.getByRole('gridcell', { name: 'Sun Li' }).click();
    const form = stops.getByRole('form', { name: '编辑站点' });
    await form.getByLabel('重量（千克）').fill('135');
    await form.getByRole('button', { name: '保存站点' }).click();
    await planner.getByText('规划后站点或车辆有变动：请重新规划。').waitFor();
    await planner.getByRole('button', { name: '规划路线' }).click();
    await planner.getByText('规划后站点或车辆有变动：请重新规划。').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('adds a confirmed order for own delivery as a stop, then takes its place by hand', async () => {
    const tea = await shop.api('products.create', {
      sku: 'TEA-1',
      name: 'Longjing 250 g',
      unitPrice: 8800,
      weightGrams: 300,
      lengthMm: 200,
      widthMm: 100,
      heightMm: 100,
    });
    await shop.api('stock.receive', { productId: tea.id, warehouseId, quantity: 50 });
    const { customer } = await shop.api<{ customer: { id: string } }>('customers.create', {
      name: '周杰 Zhou Jie',
      addresses: [
        {
          kind: 'shipping',
          recipient: '周杰',
          phone: '13700001111',
          line1: '福州路 66 号',
          city: '上海',
          country: 'CN',
        },
      ],
    });
    const order = await shop.api<{ id: string; number: string }>('orders.create', {
      customerId: customer.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 10 }],
      shipping: { method: 'Own local delivery', amount: 0 },
    });

    const planner = page.getByRole('region', { name: 'Delivery routes' });
    const stops = planner.getByRole('region', { name: 'Stops' });
    await stops.getByRole('button', { name: 'Add from orders' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add orders as stops' });
    await dialog.getByText(order.number).waitFor();
    expect(await dialog.getByLabel(order.number).isChecked()).toBe(true);
    await screenshot(page, 'routes-06-orders-en');
    await dialog.getByRole('button', { name: 'Add 1 order' }).click();
    await dialog.waitFor({ state: 'detached' });
    await stops.getByText('10 stops, 9 with a place').waitFor();

    await stops.getByRole('gridcell', { name: order.number }).click();
    const form = stops.getByRole('form', { name: 'Edit stop' });
    expect(await form.getByLabel('Weight (kg)').inputValue()).toBe('3');
    await form.getByLabel('Latitude').fill('31.2350');
    await form.getByLabel('Longitude').fill('121.4790');
    await form.getByRole('button', { name: 'Save stop' }).click();
    await stops.getByText('10 stops, 10 with a place').waitFor();
  });
});
