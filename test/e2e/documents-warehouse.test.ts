import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOTS } from './browser';
import { barcodes, embeddedFonts, fetchPdf, pageSize, text } from './pdf-tools';
import { openShop, type ShopSession } from './shop-session';

interface Order {
  id: string;
  number: string;
  lines: Array<{ id: string; sku: string; quantity: number }>;
}
interface PickList {
  id: string;
  number: string;
}
interface Shipment {
  id: string;
  number: string;
}
interface Carrier {
  id: string;
  code: string;
  services: Array<{ id: string; code: string }>;
}

const UPS_NUMBER = '1Z999AA10123456784';
const SF_NUMBER = 'SF1234567890123';

/**
 * The warehouse's printed documents through `serve`: a batch pick list on A4 and parcels'
 * shipping labels on 4×6 in and 100×150 mm label stock, as PDFs read back with poppler
 * and zbar, and their previews in the app.
 */
describe('printed pick lists and shipping labels', () => {
  let shop: ShopSession;
  let china: Order;
  let usa: Order;
  let third: Order;
  let list: PickList;
  let upsParcels: Shipment[];
  let sfParcel: Shipment;
  let localParcel: Shipment;
  const folder = join(SCREENSHOTS, 'documents-warehouse');

  const pdf = (name: string, path: string, init?: RequestInit) => fetchPdf(shop.server.base, folder, name, path, init);

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    shop = await openShop('documents-warehouse');
    const api = shop.api;
    await api('settings.update', {
      locale: 'en',
      address: { line1: '18 Nanjing Road', city: 'Shanghai', postalCode: '200001', country: 'CN' },
      phone: '021-5555 0101',
    });
    const main = await api<{ id: string }>('warehouses.create', { code: 'MAIN', name: 'Main warehouse' });
    const bins: Record<string, string> = {};
    for (const code of ['A-10', 'A-2', 'B-1']) {
      bins[code] = (await api('warehouses.createLocation', { warehouseId: main.id, code })).id;
    }
    const tea = await api('products.create', { sku: 'PU-357', name: '云南普洱茶 357克', unitPrice: 12_800 });
    const cup = await api('products.create', { sku: 'CUP-01', name: 'Celadon cup', unitPrice: 3_800 });
    const pot = await api('products.create', { sku: 'POT-01', name: '紫砂壶 Yixing pot', unitPrice: 26_000 });
    await api('stock.receive', { productId: tea.id, locationId: bins['A-10'], quantity: 20 });
    await api('stock.receive', { productId: cup.id, locationId: bins['A-2'], quantity: 20 });
    await api('stock.receive', { productId: pot.id, locationId: bins['B-1'], quantity: 20 });
    const { customer: wang } = await api<{ customer: { id: string } }>('customers.create', {
      name: '王芳',
      addresses: [
        {
          kind: 'shipping',
          recipient: '王芳',
          phone: '13800138000',
          line1: '西湖区文三路 90 号 东部软件园 3 号楼',
          city: '杭州市',
          region: '浙江省',
          postalCode: '310012',
          country: 'CN',
        },
      ],
    });
    const { customer: smith } = await api<{ customer: { id: string } }>('customers.create', {
      name: 'Anna Smith',
      addresses: [
        {
          kind: 'shipping',
          recipient: 'Anna Smith',
          phone: '+1 415 555 0100',
          line1: '500 Market Street',
          line2: 'Suite 12',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94105',
          country: 'US',
        },
      ],
    });
    const order = (customerId: string | undefined, lines: Array<{ productId: string; quantity: number }>) =>
      api<Order>('orders.create', {
        customerId,
        warehouseId: main.id,
        confirm: true,
        ...(customerId && { shipping: { method: 'Courier', amount: 0 } }),
        lines,
      });
    china = await order(wang.id, [
      { productId: tea.id, quantity: 2 },
      { productId: cup.id, quantity: 1 },
    ]);
    usa = await order(smith.id, [
      { productId: tea.id, quantity: 1 },
      { productId: pot.id, quantity: 1 },
    ]);
    third = await order(undefined, [{ productId: cup.id, quantity: 2 }]);
    list = await api<PickList>('pickLists.create', { orders: [china.number, usa.number, third.number] });

    const carriers = await api<Carrier[]>('shipments.carriers', {});
    const ups = carriers.find((c) => c.code === 'ups')!;
    const sf = carriers.find((c) => c.code === 'sf')!;
    const [teaLine, potLine] = usa.lines;
    upsParcels = [];
    for (const [line, weightGrams] of [
      [teaLine, 420],
      [potLine, 1_250],
    ] as const) {
      upsParcels.push(
        await api<Shipment>('shipments.shipOrder', {
          orderId: usa.id,
          warehouseId: main.id,
          lines: [{ orderLineId: line.id, quantity: 1 }],
          carrierId: ups.id,
          serviceId: ups.services[0].id,
          trackingNumber: line === teaLine ? '1Z999AA10123456793' : UPS_NUMBER,
          weightGrams,
        }),
      );
    }
    sfParcel = await api<Shipment>('shipments.shipOrder', {
      orderId: china.id,
      warehouseId: main.id,
      lines: china.lines.map((line) => ({ orderLineId: line.id, quantity: line.quantity })),
      carrierId: sf.id,
      serviceId: sf.services[0].id,
      trackingNumber: SF_NUMBER,
      weightGrams: 980,
    });
    const { customer: far } = await api<{ customer: { id: string } }>('customers.create', {
      name: '欧阳娜娜',
      addresses: [
        {
          kind: 'shipping',
          recipient: '欧阳娜娜（前台代收）',
          phone: '+86 138 0013 8000 转 2046',
          line1: '广东省深圳市南山区粤海街道科技园社区科苑路 15 号科兴科学园 B 栋 4 单元 1801 室',
          line2: '请工作日 9:00–18:00 送达，周末放前台，谢谢 Please leave at the front desk',
          city: '深圳市',
          region: '广东省',
          postalCode: '518057',
          country: 'CN',
        },
      ],
    });
    const farOrder = await order(far.id, [{ productId: pot.id, quantity: 1 }]);
    const local = carriers.find((c) => c.code === 'local')!;
    localParcel = await api<Shipment>('shipments.shipOrder', {
      orderId: farOrder.id,
      warehouseId: main.id,
      lines: [{ orderLineId: farOrder.lines[0].id, quantity: 1 }],
      carrierId: local.id,
      serviceId: local.services[0].id,
    });
  });

  afterAll(() => shop?.close());

  it('prints a pick list on A4: merged lines in walk order with boxes, totes, and its number as Code 128', async () => {
    const file = await pdf('pick-list-en', `/pick-lists/${list.number}/documents/pick-list.pdf`);
    const size = await pageSize(file);
    expect([Math.round(size.width), Math.round(size.height), size.pages]).toEqual([595, 842, 1]);
    const printed = await text(file);
    for (const expected of ['Pick list', list.number, 'Main warehouse (MAIN)', 'Page 1 of 1', '7 units on 3 lines']) {
      expect(printed).toContain(expected);
    }
    // The orders with their totes, in tote order.
    expect(printed).toMatch(
      new RegExp(`1\\s+${china.number}\\s+王芳\\s+2\\s+${usa.number}\\s+Anna Smith\\s+3\\s+${third.number}`),
    );
    // Bins in natural order (A-2 before A-10), each line split over its totes.
    const lines = printed.split('\n').filter((line) => /\b(A-2|A-10|B-1)\b/.test(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/A-2\s+CUP-01\s+Celadon cup\s+3\s+1 ×\s*1\s+3 ×\s*2/);
    expect(lines[1]).toMatch(/A-10\s+PU-357\s+云南普洱茶 357克\s+3\s+1 ×\s*2\s+2 ×\s*1/);
    expect(lines[2]).toMatch(/B-1\s+POT-01\s+紫砂壶 Yixing pot\s+1\s+2 ×\s*1/);
    expect(await barcodes(file)).toEqual([list.number]);
    const letter = await pageSize(
      await pdf('pick-list-letter', `/pick-lists/${list.id}/documents/pick-list.pdf?paper=letter`),
    );
    expect([Math.round(letter.width), Math.round(letter.height)]).toEqual([612, 792]);
  });

  it('prints a shipping label on 4×6 in: addresses, carrier, parcel n of N, the tracking number as Code 128 and its page as QR', async () => {
    const file = await pdf('label-4x6-en', `/shipments/${upsParcels[1].number}/documents/label.pdf`);
    const size = await pageSize(file);
    expect([size.width, size.height, size.pages]).toEqual([288, 432, 1]);
    const printed = await text(file);
    for (const expected of [
      'Lotus Tea',
      '18 Nanjing Road',
      'Anna Smith',
      '500 Market Street',
      'Suite 12',
      'San Francisco CA 94105',
      'UPS',
      'UPS Ground',
      UPS_NUMBER,
      usa.number,
      upsParcels[1].number,
      '1.25 kg',
      'Parcel 2 of 2',
    ]) {
      expect(printed).toContain(expected);
    }
    const codes = await barcodes(file);
    expect(codes).toContain(UPS_NUMBER);
    expect(codes).toContain(`https://www.ups.com/track?tracknum=${UPS_NUMBER}`);
    expect(codes).toHaveLength(2);
  });

  it('prints the label on 100×150 mm, by tracking number too', async () => {
    const file = await pdf('label-100x150-en', `/shipments/${UPS_NUMBER}/documents/label.pdf?paper=100x150mm`);
    const size = await pageSize(file);
    expect([size.width, size.height, size.pages]).toEqual([283.46, 425.2, 1]);
    expect(await text(file)).toContain('Parcel 2 of 2');
    expect(await barcodes(file)).toContain(UPS_NUMBER);
  });

  it('fits a long address on one label, and gives a parcel without a tracking number its shipment number', async () => {
    const file = await pdf('label-long-address', `/shipments/${localParcel.id}/documents/label.pdf?paper=100x150mm`);
    expect((await pageSize(file)).pages).toBe(1);
    const printed = await text(file);
    for (const expected of ['科兴科学园', 'Please leave at the front desk', '518057', 'Parcel 1 of 1']) {
      expect(printed).toContain(expected);
    }
    // Local delivery has no tracking page: the shipment number's Code 128 is the only code.
    expect(await barcodes(file)).toEqual([localParcel.number]);
  });

  it('prints many labels in one PDF, one label a page', async () => {
    const file = await pdf('labels-batch', '/documents/batch.pdf', {
      method: 'POST',
      body: JSON.stringify({ kind: 'shipping-label', shipmentIds: [sfParcel.id, ...upsParcels.map((s) => s.id)] }),
    });
    const size = await pageSize(file);
    expect([size.width, size.height, size.pages]).toEqual([288, 432, 3]);
    expect(await barcodes(file, 1)).toContain(SF_NUMBER);
    expect(await barcodes(file, 2)).toContain('1Z999AA10123456793');
    expect(await text(file, 2)).toContain('Parcel 1 of 2');
    expect(await barcodes(file, 3)).toContain(UPS_NUMBER);
  });

  it('prints all of an order’s parcels’ labels from the order’s page in one job', async () => {
    const page = shop.page;
    await page.goto(`${shop.server.base}/#/orders/${usa.id}`);
    await page.getByRole('button', { name: 'Print labels (2)' }).click();
    const dialog = page.getByRole('dialog', { name: `Labels of ${usa.number}` });
    await dialog.getByText('2 labels, one a page.').waitFor();
    await page.frameLocator('iframe[title="Preview"]').getByText('Parcel 2 of 2').waitFor();
    await screenshot(page, 'docwh-order-labels-en');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    const file = join(folder, 'labels-from-order.pdf');
    await (await download).saveAs(file);
    const size = await pageSize(file);
    expect([size.width, size.height, size.pages]).toEqual([288, 432, 2]);
    expect(await barcodes(file, 1)).toContain('1Z999AA10123456793');
    expect(await barcodes(file, 2)).toContain(UPS_NUMBER);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('prints a Chinese label and pick list with a CJK font embedded', async () => {
    await shop.api('settings.update', { locale: 'zh-CN' });
    const file = await pdf('label-4x6-zh', `/shipments/${sfParcel.id}/documents/label.pdf`);
    const printed = await text(file);
    for (const expected of [
      '收货人',
      '寄件人',
      '王芳',
      '13800138000',
      '浙江省 杭州市',
      '东部软件园',
      '310012',
      '运单号',
    ]) {
      expect(printed).toContain(expected);
    }
    expect(printed).toMatch(/第\s*1\s*件，共\s*1\s*件/);
    const fonts = await embeddedFonts(file);
    expect(fonts).toMatch(/^\S*(DroidSansFallback|NotoSansCJK|MicrosoftYaHei)\S*\s+.*\syes\s/m);
    const codes = await barcodes(file);
    expect(codes).toContain(SF_NUMBER);
    expect(codes).toContain(`https://www.sf-express.com/chn/sc/waybill/waybill-detail/${SF_NUMBER}`);
    const pick = await pdf('pick-list-zh', `/pick-lists/${list.id}/documents/pick-list.pdf`);
    const pickText = await text(pick);
    for (const expected of ['拣货单', '库位', '分箱', '仓库']) expect(pickText).toContain(expected);
    expect(await barcodes(pick)).toEqual([list.number]);
    await shop.api('settings.update', { locale: 'en' });
  });

  it('answers a voided parcel, an unknown pick list, a wrong paper and a wrong request with the usual errors', async () => {
    const get = (path: string) => fetch(`${shop.server.base}/api${path}`, { headers: { authorization: 'Bearer t' } });
    const wrongPaper = await get(`/shipments/${sfParcel.id}/documents/label.pdf?paper=a4`);
    expect(wrongPaper.status).toBe(422);
    expect(await wrongPaper.json()).toMatchObject({ code: 'VALIDATION' });
    expect((await get('/pick-lists/PL-NOPE/documents/pick-list.pdf')).status).toBe(404);
    expect((await get('/shipments/SH-NOPE/documents/label.pdf')).status).toBe(404);
    const crossed = await fetch(`${shop.server.base}/api/documents/batch.pdf`, {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: JSON.stringify({ kind: 'shipping-label', orderIds: [usa.id] }),
    });
    expect(crossed.status).toBe(422);
    expect(await crossed.json()).toMatchObject({
      code: 'VALIDATION',
      details: { issues: expect.arrayContaining([expect.objectContaining({ path: 'shipmentIds' })]) },
    });
    await shop.api('shipments.void', { id: upsParcels[0].id, reason: 'Wrong box' });
    const voided = await get(`/shipments/${upsParcels[0].id}/documents/label.pdf`);
    expect(voided.status).toBe(409);
    expect(await voided.json()).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('previews and saves the pick list from its page', async () => {
    const page = shop.page;
    await page.goto(`${shop.server.base}/#/shipments/pick/${list.id}`);
    await page.getByRole('button', { name: 'Print…' }).click();
    const dialog = page.getByRole('dialog', { name: `Pick list ${list.number}` });
    const preview = page.frameLocator('iframe[title="Preview"]');
    await preview.getByText('Main warehouse (MAIN)').waitFor();
    await screenshot(page, 'docwh-pick-list-preview-en');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    const file = join(folder, 'pick-list-from-preview.pdf');
    await (await download).saveAs(file);
    expect(await text(file)).toMatch(/A-2\s+CUP-01\s+Celadon cup\s+3/);
    expect(await barcodes(file)).toEqual([list.number]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('sets the label paper in Settings → Printing, and previews and saves a label from the parcel’s page', async () => {
    const page = shop.page;
    await page.goto(`${shop.server.base}/#/settings`);
    await page.getByRole('tab', { name: 'Printing' }).click();
    const panel = page.getByRole('form', { name: 'Printing' });
    await panel.getByLabel('Paper · Shipping label').selectOption('100x150mm');
    await panel.getByRole('button', { name: 'Save printing settings' }).click();
    await panel.getByText('Saved.').waitFor();
    await screenshot(page, 'docwh-settings-en');

    await page.goto(`${shop.server.base}/#/shipments/${upsParcels[1].id}`);
    await page.getByRole('button', { name: 'Print label…' }).click();
    const dialog = page.getByRole('dialog', { name: `Label of ${upsParcels[1].number}` });
    await expect(dialog.getByLabel('Paper').inputValue()).resolves.toBe('100x150mm');
    const preview = page.frameLocator('iframe[title="Preview"]');
    await preview.getByText('500 Market Street').waitFor();
    await screenshot(page, 'docwh-label-preview-en');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    const file = join(folder, 'label-from-preview.pdf');
    await (await download).saveAs(file);
    const size = await pageSize(file);
    expect([size.width, size.height, size.pages]).toEqual([283.46, 425.2, 1]);
    expect(await barcodes(file)).toContain(UPS_NUMBER);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const byDefault = await pageSize(
      await pdf('label-default-paper', `/shipments/${upsParcels[1].id}/documents/label.pdf`),
    );
    expect([byDefault.width, byDefault.height]).toEqual([283.46, 425.2]);
  });

  it('previews both in Chinese: the screens in the UI’s language, the documents in the store’s', async () => {
    const page = shop.page;
    await shop.api('settings.update', { locale: 'zh-CN' });
    await page.goto(`${shop.server.base}/#/shipments/${sfParcel.id}`);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '打印面单…' }).click();
    let dialog = page.getByRole('dialog', { name: `${sfParcel.number} 的面单` });
    const preview = page.frameLocator('iframe[title="预览"]');
    await preview.getByText('东部软件园', { exact: false }).waitFor();
    await screenshot(page, 'docwh-label-preview-zh');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await page.goto(`${shop.server.base}/#/shipments/pick/${list.id}`);
    await page.getByRole('button', { name: '打印…' }).click();
    dialog = page.getByRole('dialog', { name: `拣货单 ${list.number}` });
    await preview.getByText('分箱').waitFor();
    await screenshot(page, 'docwh-pick-list-preview-zh');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await page.goto(`${shop.server.base}/#/settings`);
    await page.getByRole('tab', { name: '打印' }).click();
    await page.getByLabel('纸张 · 快递面单').waitFor();
    await screenshot(page, 'docwh-settings-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await shop.api('settings.update', { locale: 'en' });
  });
});
