import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

interface Order {
  id: string;
  number: string;
  lines: Array<{ id: string }>;
}

const UPS_OK = '1Z999AA10123456784';
const UPS_BAD = '1Z999AA10123456785';

/** `hours` from now as a datetime-local box takes it, in this machine's time zone (the browser's too). */
function localInput(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Ship part of an order with a tracking number, track it with events out of order, and find it late — in Chromium over HTTP. */
describe('shipments', () => {
  let shop: ShopSession;
  let page: Page;
  let order: Order;
  let teaId: string;
  const yesterday = new Date(Date.now() - 36 * 3_600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    shop = await openShop('shipments');
    page = shop.page;
    const warehouse = await shop.api('warehouses.create', { code: 'SH1', name: '上海仓' });
    await shop.api('warehouses.createLocation', { warehouseId: warehouse.id, code: 'R-01' });
    const tea = await shop.api('products.create', { sku: 'TEA-LJ', name: '龙井 Longjing 250 g', unitPrice: 12_800 });
    teaId = tea.id;
    const cup = await shop.api('products.create', { sku: 'CUP-01', name: 'Celadon cup', unitPrice: 4_500 });
    for (const product of [tea, cup]) {
      await shop.api('stock.receive', { productId: product.id, warehouseId: warehouse.id, quantity: 10 });
    }
    const { customer } = await shop.api<{ customer: { id: string } }>('customers.create', { name: '王芳 Wang Fang' });
    order = await shop.api<Order>('orders.create', {
      customerId: customer.id,
      channel: 'web',
      warehouseId: warehouse.id,
      lines: [
        { productId: tea.id, quantity: 3 },
        { productId: cup.id, quantity: 2 },
      ],
      shipping: {
        method: 'UPS',
        address: { kind: 'shipping', recipient: '王芳', line1: '南京东路 1 号', city: '上海', country: 'CN' },
      },
      promisedDate: yesterday,
      confirm: true,
    });
  });
  afterAll(async () => shop?.close());

  it('ships part of an order from its page, refusing a wrong tracking number first', async () => {
    await page.goto(`${shop.server.base}/#/orders/${order.id}`);
    const parcels = page.getByRole('region', { name: 'Shipments' });
    await parcels.getByText('Nothing shipped yet.').waitFor();
    await parcels.getByRole('button', { name: 'Ship…' }).click();
    const form = page.getByRole('form', { name: 'Ship from this order' });
    await form.getByLabel('To ship TEA-LJ').fill('5');
    await form.getByRole('button', { name: 'Ship', exact: true }).click();
    await form.getByText('At most 3').waitFor();
    await form.getByLabel('To ship TEA-LJ').fill('2');
    await form.getByLabel('To ship CUP-01').fill('0');
    await form.getByLabel('Carrier').selectOption({ label: 'UPS' });
    await form.getByLabel('Service').selectOption({ label: 'UPS Ground' });
    await form.getByLabel('Tracking number').fill(UPS_BAD);
    await form.getByLabel('Weight (g)').fill('650');
    await form.getByRole('button', { name: 'Ship', exact: true }).click();
    await form.getByText(/check digit is 5, the number calls for 4/).waitFor();
    await screenshot(page, 'shipments-10-refused-en');

    await form.getByLabel('Tracking number').fill(UPS_OK);
    await form.getByRole('button', { name: 'Ship', exact: true }).click();
    await parcels.getByText(/^Shipment SH-\S+ shipped\.$/).waitFor();
    await page.getByText('Partly shipped').first().waitFor();
    await parcels.getByText('TEA-LJ × 2').waitFor();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(/units shipped with UPS, tracking 1Z999AA10123456784/)
      .waitFor();
    await screenshot(page, 'shipments-11-order-en');

    const shipped = await shop.api<{ rows: Array<{ id: string; units: number }> }>('shipments.list', {
      orderId: order.id,
    });
    expect(shipped.rows.map((r) => r.units)).toEqual([2]);
    const levels = await shop.api<Array<{ onHand: number; reserved: number }>>('stock.levels', { productId: teaId });
    expect(levels.reduce((sum, l) => sum + l.onHand, 0)).toBe(8);
    expect(levels.reduce((sum, l) => sum + l.reserved, 0)).toBe(1);
  });

  it('takes tracking events out of order, keeps the furthest status, and flags the parcel late', async () => {
    await page.getByRole('region', { name: 'Shipments' }).getByRole('link', { name: /^SH-/ }).click();
    await page.getByRole('heading', { name: /^SH-/ }).waitFor();
    const header = page.locator('.detail__header');
    await header.getByText('Label created').waitFor();
    await header.getByText('Late').waitFor();
    await page.getByText(`This parcel is past its promised date (${yesterday}) and not delivered.`).waitFor();

    const add = page.getByRole('form', { name: 'Add a tracking event' });
    await add.getByLabel('Status').selectOption({ label: 'Out for delivery' });
    await add.getByLabel('When (carrier’s time)').fill(localInput(5));
    await add.getByLabel('Location').fill('上海浦东');
    await add.getByRole('button', { name: 'Add the event' }).click();
    await page.getByText('Event added: the parcel is now “Out for delivery”.').waitFor();

    // An older scan reported late: it joins the timeline, the status stays where it was.
    await add.getByLabel('Status').selectOption({ label: 'In transit' });
    await add.getByLabel('When (carrier’s time)').fill(localInput(2));
    await add.getByLabel('Location').fill('杭州转运中心');
    await add.getByRole('button', { name: 'Add the event' }).click();
    await page.getByText('Event added: the parcel is now “Out for delivery”.').waitFor();
    const timeline = page.getByRole('list', { name: 'Tracking timeline' });
    await expect(timeline.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Out for delivery · 上海浦东/),
      expect.stringMatching(/^In transit · 杭州转运中心/),
      expect.stringMatching(/^Label created/),
    ]);
    await header.getByText('Out for delivery').waitFor();
    await screenshot(page, 'shipments-20-detail-en');
  });

  it('lists the parcel in the grid, found by tracking number and under late only', async () => {
    await page.goto(`${shop.server.base}/#/shipments`);
    const grid = page.getByRole('region', { name: 'Shipments' });
    await grid.getByRole('link', { name: UPS_OK }).waitFor();
    await grid.getByText('1 shipment', { exact: true }).waitFor();
    await page.getByLabel('Late only').check();
    await grid.getByRole('link', { name: UPS_OK }).waitFor();
    await page.getByLabel('Search by tracking number, shipment or order number').fill('1Z999AA1');
    await grid.getByRole('link', { name: UPS_OK }).waitFor();
    expect(await grid.getByRole('link', { name: UPS_OK }).getAttribute('href')).toBe(
      `https://www.ups.com/track?tracknum=${UPS_OK}`,
    );
    await screenshot(page, 'shipments-30-grid-en');
    await page.getByLabel('Search by tracking number, shipment or order number').fill('SF000');
    await grid.getByText('0 shipments').waitFor();
  });

  it('reads a carrier status file: problems first, then the events, and the parcel is delivered', async () => {
    await page.goto(`${shop.server.base}/#/shipments`);
    await page.getByLabel('Late only').uncheck();
    await page.getByRole('button', { name: 'Import carrier file' }).click();
    const panel = page.getByRole('region', { name: 'Carrier status file' });
    const file = (rows: string[]) => ({
      name: 'ups-status.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['tracking_number,status,time,location,description', ...rows].join('\n'), 'utf8'),
    });
    const delivered = `${UPS_OK},Delivered,${new Date(Date.now() + 8 * 3_600_000).toISOString()},Shanghai,Front desk`;
    await panel.getByLabel('File').setInputFiles(file([delivered, `${UPS_OK},lost,2026-11-20 10:00,Shanghai,`]));
    await panel.getByRole('button', { name: 'Check the file' }).click();
    await panel.getByText('“lost” is not a tracking status this import knows.').waitFor();
    await panel.getByText('“2026-11-20 10:00” names no time zone: add +08:00, Z…').waitFor();
    expect(await panel.getByRole('button', { name: /^Record/ }).isDisabled()).toBe(true);
    await screenshot(page, 'shipments-35-import-en');

    await panel.getByLabel('File').setInputFiles(file([delivered]));
    await panel.getByRole('button', { name: 'Check the file' }).click();
    await panel.getByText('1 rows: 1 new events on 1 shipments, 0 already recorded.').waitFor();
    await panel.getByRole('button', { name: 'Record 1 events' }).click();
    await panel.getByText('1 events recorded.').waitFor();
    const parcel = await shop.api<{ trackingStatus: string; late: boolean }>('shipments.get', { id: UPS_OK });
    expect(parcel).toMatchObject({ trackingStatus: 'delivered', late: false });
  });

  it('ships the rest for pickup and voids that parcel before it leaves: the goods are held again', async () => {
    await page.goto(`${shop.server.base}/#/orders/${order.id}`);
    const parcels = page.getByRole('region', { name: 'Shipments' });
    await parcels.getByRole('button', { name: 'Ship…' }).click();
    const form = page.getByRole('form', { name: 'Ship from this order' });
    await expect(form.getByLabel('To ship TEA-LJ').inputValue()).resolves.toBe('1');
    await form.getByLabel('Carrier').selectOption({ label: 'Customer pickup' });
    await form.getByText('Not needed for Customer pickup').waitFor();
    await form.getByRole('button', { name: 'Ship', exact: true }).click();
    await page.getByText('Shipped', { exact: true }).first().waitFor();
    await parcels.getByText(/^Shipment SH-\S+ shipped\.$/).waitFor();

    await parcels.getByRole('link', { name: /^SH-.*-0002$/ }).click();
    await page.getByRole('button', { name: 'Void shipment' }).click();
    await page.getByLabel('Why void it').fill('Customer asked for delivery instead');
    await screenshot(page, 'shipments-36-void-en');
    await page.getByRole('button', { name: 'Void it' }).click();
    await page.getByText(/^Shipment SH-\S+ voided: its goods are back in stock\.$/).waitFor();
    await page.getByText('This shipment was voided: its goods went back to stock.').waitFor();
    const levels = await shop.api<Array<{ onHand: number; reserved: number }>>('stock.levels', { productId: teaId });
    expect(levels.reduce((sum, l) => sum + l.onHand, 0)).toBe(8);
    expect(levels.reduce((sum, l) => sum + l.reserved, 0)).toBe(1);
    const back = await shop.api<{ fulfilmentStatus: string }>('orders.get', { id: order.id });
    expect(back.fulfilmentStatus).toBe('partially_shipped');
  });

  it('reads the same screens in Chinese', async () => {
    await page.getByRole('button', { name: '中文' }).click();
    await page.goto(`${shop.server.base}/#/shipments`);
    const grid = page.getByRole('region', { name: '发货单' });
    await grid.getByRole('link', { name: UPS_OK }).waitFor();
    await grid.getByRole('rowgroup').getByText('已作废').waitFor();
    await grid.getByRole('rowgroup').getByText('已签收').waitFor();
    await screenshot(page, 'shipments-40-grid-zh');
    await grid.getByRole('link', { name: /^SH-.*-0001$/ }).click();
    await page.getByRole('heading', { name: '物流轨迹' }).waitFor();
    await screenshot(page, 'shipments-41-detail-zh');
    await page.goto(`${shop.server.base}/#/orders/${order.id}`);
    await page.getByRole('region', { name: '发货单' }).getByRole('button', { name: '发货…' }).click();
    const form = page.getByRole('form', { name: '从此订单发货' });
    await expect(form.getByLabel('本次发货 TEA-LJ').inputValue()).resolves.toBe('1');
    await form.getByLabel('承运商').selectOption({ label: 'SF Express' });
    await form.getByText('SF Express 的单号无法校验，按原样保存').waitFor();
    await form.getByRole('button', { name: '发货', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'shipments-42-ship-zh');
  });
});
