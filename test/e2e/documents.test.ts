import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import bwipjs from 'bwip-js/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOTS } from './browser';
import { barcodes, embeddedFonts, fetchPdf, pageSize, text } from './pdf-tools';
import { openShop, type ShopSession } from './shop-session';

interface Order {
  id: string;
  number: string;
}

function mm(points: number): number {
  return (points / 72) * 25.4;
}

/**
 * Printed documents through `serve`: each kind as a PDF rendered by Chromium from the same
 * templates as the app's preview, read back with poppler and zbar.
 */
describe('printed documents', () => {
  let shop: ShopSession;
  let order: Order;
  let big: Order;
  const batch: Order[] = [];
  const folder = join(SCREENSHOTS, 'documents');

  const pdf = (name: string, path: string, init?: RequestInit) => fetchPdf(shop.server.base, folder, name, path, init);

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    shop = await openShop('documents');
    const api = shop.api;
    await api('settings.update', {
      locale: 'en',
      address: { line1: '18 Nanjing Road', city: 'Shanghai', postalCode: '200001', country: 'CN' },
      phone: '021-5555 0101',
      returnInstructions: 'Returns within 30 days: put this slip in the parcel.',
    });
    const main = await api<{ id: string }>('warehouses.create', { code: 'MAIN', name: 'Main' });
    const shelf = await api('warehouses.createLocation', { warehouseId: main.id, code: 'A-03-2' });
    const tea = await api('products.create', { sku: 'PU-357', name: '云南普洱茶 357克', unitPrice: 12_800 });
    const cup = await api('products.create', { sku: 'CUP-01', name: 'Celadon cup', unitPrice: 3_800 });
    await api('stock.receive', { productId: tea.id, warehouseId: main.id, locationId: shelf.id, quantity: 50 });
    await api('stock.receive', { productId: cup.id, warehouseId: main.id, quantity: 50 });
    const { customer } = await api<{ customer: { id: string } }>('customers.create', {
      name: 'Wang Fang',
      phone: '13800138000',
      addresses: [
        {
          kind: 'shipping',
          recipient: 'Wang Fang',
          phone: '13800138000',
          line1: '88 West Nanjing Road',
          city: 'Shanghai',
          postalCode: '200041',
          country: 'CN',
        },
      ],
    });
    order = await api<Order>('orders.create', {
      channel: 'phone',
      customerId: customer.id,
      confirm: true,
      notes: 'Leave with the concierge.',
      lines: [
        { productId: tea.id, quantity: 2 },
        { productId: cup.id, quantity: 3 },
      ],
      shipping: { method: 'SF Express', amount: 1_500 },
    });
    await api('orders.pay', { id: order.id, method: 'cash', amount: 20_000, tendered: 20_000 });

    const products = [];
    for (let i = 1; i <= 40; i++) {
      const product = await api('products.create', {
        sku: `LONG-${String(i).padStart(2, '0')}`,
        name: `Line ${i}`,
        unitPrice: 100,
      });
      await api('stock.receive', { productId: product.id, warehouseId: main.id, quantity: 1 });
      products.push({ productId: product.id, quantity: 1 });
    }
    big = await api<Order>('orders.create', { confirm: true, lines: products });
    for (let i = 1; i <= 3; i++) {
      batch.push(await api<Order>('orders.create', { confirm: true, lines: [{ productId: cup.id, quantity: i }] }));
    }
  });

  afterAll(() => shop?.close());

  it('prints a packing slip on A4: lines, bins, ship-to, notes, no prices, and its number as Code 128 and QR', async () => {
    const file = await pdf('packing-slip-en', `/orders/${order.id}/documents/packing-slip.pdf`);
    const size = await pageSize(file);
    expect([Math.round(size.width), Math.round(size.height), size.pages]).toEqual([595, 842, 1]);
    const printed = await text(file);
    for (const expected of [
      'Packing slip',
      order.number,
      'Lotus Tea',
      '18 Nanjing Road',
      'Wang Fang',
      '88 West Nanjing Road',
      'SF Express',
      'Leave with the concierge.',
      'Returns within 30 days',
      '5 items',
      `Page 1 of 1`,
    ]) {
      expect(printed).toContain(expected);
    }
    expect(printed).toMatch(/A-03-2\s+PU-357\s+云南普洱茶 357克\s+2/);
    expect(printed).toMatch(/DEFAULT\s+CUP-01\s+Celadon cup\s+3/);
    expect(printed).not.toContain('¥');
    // The Code 128 and the QR code both carry the order number.
    expect(await barcodes(file)).toEqual([order.number, order.number]);
  });

  it('prints the invoice with its tax per rate and payment status, on Letter when asked', async () => {
    const file = await pdf('invoice-en', `/orders/${order.number}/documents/invoice.pdf?paper=letter`);
    const size = await pageSize(file);
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([612, 792]);
    const printed = await text(file);
    // 2 × 128.00 + 3 × 38.00 + 15.00 shipping = 385.00, 13 % tax included per line = 44.30; 200.00 paid.
    for (const expected of [
      'Invoice',
      'Partly paid',
      'CN¥385.00',
      'CN¥44.30',
      'CN¥200.00',
      'CN¥185.00',
      'Included tax 13 %',
    ]) {
      expect(printed).toContain(expected);
    }
    expect(printed).toMatch(/PU-357\s+云南普洱茶 357克\s+2\s+CN¥128.00\s+13 %\s+CN¥256.00/);
    expect(await barcodes(file)).toEqual([order.number]);
  });

  it('prints the receipt on an 80 mm roll, as long as the receipt, and on 58 mm', async () => {
    const file = await pdf('receipt-80mm-en', `/orders/${order.id}/documents/receipt.pdf`);
    const size = await pageSize(file);
    expect(Math.abs(mm(size.width) - 80)).toBeLessThan(0.5);
    expect(size.pages).toBe(1);
    expect(mm(size.height)).toBeGreaterThan(80);
    expect(mm(size.height)).toBeLessThan(200);
    const printed = await text(file);
    for (const expected of [order.number, 'CN¥385.00', 'Cash', 'CN¥200.00', 'Thank you!', 'Zhang Wei']) {
      expect(printed).toContain(expected);
    }
    expect(await barcodes(file)).toEqual([order.number]);
    const narrowFile = await pdf('receipt-58mm-en', `/orders/${order.id}/documents/receipt.pdf?paper=58mm`);
    expect(Math.abs(mm((await pageSize(narrowFile)).width) - 58)).toBeLessThan(0.5);
    // On 58 mm the number is a QR code: a Code 128 that narrow is too fine for a thermal head.
    expect(await barcodes(narrowFile)).toEqual([order.number]);
  });

  it('breaks a 40-line order across pages with the header row and page numbers on each', async () => {
    const file = await pdf('packing-slip-40-lines', `/orders/${big.id}/documents/packing-slip.pdf`);
    const { pages } = await pageSize(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= pages; page++) {
      const printed = await text(file, page);
      expect(printed).toMatch(/Bin\s+SKU\s+Item\s+Qty\s+Packed/);
      expect(printed).toContain(`Page ${page} of ${pages}`);
      expect(printed).toContain(big.number);
    }
    const all = await text(file);
    for (let i = 1; i <= 40; i++) expect(all).toContain(`LONG-${String(i).padStart(2, '0')}`);
  });

  it('prints many orders in one batch PDF, one slip each, each starting on its own page', async () => {
    const file = await pdf('packing-slips-batch', '/documents/batch.pdf', {
      method: 'POST',
      body: JSON.stringify({ kind: 'packing-slip', orderIds: batch.map((o) => o.id) }),
    });
    const { pages } = await pageSize(file);
    expect(pages).toBe(batch.length);
    for (const [i, one] of batch.entries()) {
      expect(await text(file, i + 1)).toMatch(new RegExp(`DEFAULT\\s+CUP-01\\s+Celadon cup\\s+${i + 1}\\s`));
      expect(await barcodes(file, i + 1)).toEqual([one.number, one.number]);
    }
  });

  it('prints Chinese documents with a CJK font embedded', async () => {
    await shop.api('settings.update', { locale: 'zh-CN' });
    const file = await pdf('packing-slip-zh', `/orders/${order.id}/documents/packing-slip.pdf`);
    const printed = await text(file);
    for (const expected of ['装箱单', '收货人', '库位', '退货说明']) expect(printed).toContain(expected);
    expect(printed).toMatch(/第\s+1 页，共 1 页/);
    expect(printed).toMatch(/A-03-2\s+PU-357\s+云南普洱茶\s+357克\s+2/);
    const fonts = await embeddedFonts(file);
    expect(fonts).toMatch(/^\S*(DroidSansFallback|NotoSansCJK|MicrosoftYaHei)\S*\s+.*\syes\s/m);
    const invoice = await text(await pdf('invoice-zh', `/orders/${order.id}/documents/invoice.pdf`));
    for (const expected of ['发票', '部分付款', '待付']) expect(invoice).toContain(expected);
    expect(invoice).toMatch(/含税\s*13%/);
    await shop.api('settings.update', { locale: 'en' });
  });

  it('previews an order’s documents in the app and saves the same PDF', async () => {
    const page = shop.page;
    await page.goto(`${shop.server.base}/#/orders/${order.id}`);
    await page.getByRole('button', { name: 'Print…' }).click();
    const dialog = page.getByRole('dialog', { name: `Print documents of ${order.number}` });
    const preview = page.frameLocator('iframe[title="Preview"]');
    await preview.getByText('Returns within 30 days', { exact: false }).waitFor();
    await preview.getByText('88 West Nanjing Road').waitFor();
    await screenshot(page, 'documents-preview-en');

    await dialog.getByLabel('Document').selectOption('invoice');
    await dialog.getByLabel('Paper').selectOption('letter');
    await preview.getByText('Partly paid').waitFor();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    const file = join(folder, 'invoice-from-preview.pdf');
    await (await download).saveAs(file);
    await dialog.getByText(`Saved as Invoice ${order.number}.pdf.`).waitFor();
    expect(await text(file)).toContain('Partly paid');
    expect(Math.round((await pageSize(file)).width)).toBe(612);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('prints packing slips for the orders ticked in the grid, in one PDF', async () => {
    const page = shop.page;
    await page.goto(`${shop.server.base}/#/orders`);
    for (const one of batch.slice(1)) {
      const row = page.locator('.ag-row', { has: page.getByText(one.number, { exact: true }) });
      await row.locator('.ag-selection-checkbox input').check();
    }
    // Ticking a box selects the row and stays on the grid.
    expect(page.url()).toMatch(/#\/orders$/);
    await page.getByRole('button', { name: 'Print packing slips (2)' }).click();
    const dialog = page.getByRole('dialog', { name: '2 orders selected' });
    await dialog.getByText('2 orders, each on its own pages.').waitFor();
    await page.frameLocator('iframe[title="Preview"]').getByText(batch[2].number).first().waitFor();
    await screenshot(page, 'documents-batch-en');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save PDF' }).click();
    const file = join(folder, 'batch-from-grid.pdf');
    await (await download).saveAs(file);
    expect((await pageSize(file)).pages).toBe(2);
    const numbers = [await text(file, 1), await text(file, 2)].map(
      (page) => /SO-\d{8}-[A-Z0-9]+-\d{4}/.exec(page)?.[0],
    );
    expect(numbers.sort()).toEqual([batch[1].number, batch[2].number].sort());
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('sets the logo, the texts and each kind’s paper in Settings → Printing, and documents follow', async () => {
    const page = shop.page;
    await page.goto(`${shop.server.base}/#/settings`);
    await page.getByRole('tab', { name: 'Printing' }).click();
    const panel = page.getByRole('form', { name: 'Printing' });
    await panel.getByText('Printers are listed in the desktop app only', { exact: false }).waitFor();
    const logo = await bwipjs.toBuffer({ bcid: 'qrcode', text: 'Lotus Tea', scale: 2, backgroundcolor: 'FFFFFF' });
    await panel.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await panel.getByRole('img', { name: 'Logo' }).waitFor();
    await panel.getByLabel('Return instructions on packing slips').fill('Send it back within 14 days.');
    await panel.getByLabel('Show prices and totals on packing slips').check();
    await panel.getByLabel('Paper · Receipt').selectOption('58mm');
    await panel.getByRole('button', { name: 'Save printing settings' }).click();
    await panel.getByText('Saved.').waitFor();
    await screenshot(page, 'documents-settings-en');
    const saved = await shop.api<{ logo: string; packingSlipPrices: boolean; documentSetups: unknown }>(
      'settings.get',
      {},
    );
    expect(saved.logo).toMatch(/^data:image\/png;base64,/);
    expect(saved).toMatchObject({
      packingSlipPrices: true,
      documentSetups: { receipt: { paper: '58mm', printer: '' } },
    });

    const slip = await pdf('packing-slip-branded', `/orders/${order.id}/documents/packing-slip.pdf`);
    const printed = await text(slip);
    for (const expected of ['Send it back within 14 days.', 'CN¥385.00', 'Unit price'])
      expect(printed).toContain(expected);
    // The QR code logo decodes beside the order number's two codes.
    expect(await barcodes(slip)).toEqual([order.number, order.number, 'Lotus Tea'].sort());
    const receipt = await pageSize(await pdf('receipt-default-58mm', `/orders/${order.id}/documents/receipt.pdf`));
    expect(Math.abs(mm(receipt.width) - 58)).toBeLessThan(0.5);
  });

  it('previews in Chinese: the screens in the UI’s language, the documents in the store’s', async () => {
    const page = shop.page;
    await shop.api('settings.update', { locale: 'zh-CN' });
    await page.goto(`${shop.server.base}/#/orders/${order.id}`);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '打印…' }).click();
    const dialog = page.getByRole('dialog', { name: `打印 ${order.number} 的单据` });
    const preview = page.frameLocator('iframe[title="预览"]');
    await preview.getByText('装箱单').first().waitFor();
    await preview.getByText('退货说明').waitFor();
    await screenshot(page, 'documents-preview-zh');
    await dialog.getByLabel('单据').selectOption('receipt');
    await preview.getByText('谢谢惠顾！').waitFor();
    await screenshot(page, 'documents-preview-receipt-zh');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await page.goto(`${shop.server.base}/#/settings`);
    await page.getByRole('tab', { name: '打印' }).click();
    await page.getByLabel('纸张 · 小票').waitFor();
    await screenshot(page, 'documents-settings-zh');
    await page.getByRole('button', { name: 'English' }).click();
    await shop.api('settings.update', { locale: 'en' });
  });

  it('answers a wrong kind, a wrong paper, an unknown order and a missing token with the usual errors', async () => {
    const get = (path: string, token = 't') =>
      fetch(`${shop.server.base}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get(`/orders/${order.id}/documents/label.pdf`)).status).toBe(404);
    const wrongPaper = await get(`/orders/${order.id}/documents/receipt.pdf?paper=a4`);
    expect(wrongPaper.status).toBe(422);
    expect(await wrongPaper.json()).toMatchObject({ code: 'VALIDATION' });
    expect((await get('/orders/SO-NOPE/documents/invoice.pdf')).status).toBe(404);
    expect((await get(`/orders/${order.id}/documents/invoice.pdf`, 'wrong')).status).toBe(401);
    const emptyBatch = await fetch(`${shop.server.base}/api/documents/batch.pdf`, {
      method: 'POST',
      headers: { authorization: 'Bearer t' },
      body: JSON.stringify({ kind: 'invoice', orderIds: [] }),
    });
    expect(emptyBatch.status).toBe(422);
  });
});
