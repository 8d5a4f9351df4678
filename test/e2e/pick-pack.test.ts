import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { openShop, type ShopSession } from './shop-session';

interface Order {
  id: string;
  number: string;
}
interface PickList {
  id: string;
  number: string;
  status: string;
  picked: number;
  units: number;
  lines: Array<{ locationCode: string; sku: string; quantity: number; picked: number }>;
}
interface PackingOrder {
  fulfilmentStatus: string;
  openPackage: { lines: Array<{ sku: string; quantity: number }> } | null;
  packages: Array<{ id: string; number: string; stage: string; weightGrams: number; lengthMm: number }>;
}

/** A batch of two orders picked by scanning, then one packed with a wrong item refused, in Chromium. */
describe('pick lists and the pack station', () => {
  let shop: ShopSession;
  let page: Page;
  let first: Order;
  let second: Order;
  let list: PickList;

  /** A scanner: a burst of keys and Enter, dispatched in one go in the page (see receiving.test.ts). */
  const scan = async (code: string) => {
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.evaluate(`for (const key of [...${JSON.stringify(code)}, 'Enter']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }`);
  };

  beforeAll(async () => {
    shop = await openShop('pick-pack');
    page = shop.page;
    const main = await shop.api('warehouses.create', { code: 'MAIN', name: '主仓库 Main' });
    const bins: Record<string, string> = {};
    for (const code of ['A-10', 'A-2', 'B-1']) {
      bins[code] = (await shop.api('warehouses.createLocation', { warehouseId: main.id, code })).id;
    }
    const tea = await shop.api('products.create', {
      sku: 'PU-357',
      name: '云南普洱茶 357克',
      unitPrice: 12_800,
      barcode: '6901234567892',
      weightGrams: 380,
    });
    const cup = await shop.api('products.create', {
      sku: 'CUP-01',
      name: '青瓷杯 Celadon cup',
      unitPrice: 3_800,
      barcode: '4006381333931',
      weightGrams: 150,
    });
    await shop.api('products.create', {
      sku: 'POT-01',
      name: '紫砂壶 Yixing pot',
      unitPrice: 26_000,
      barcode: '96385074',
    });
    await shop.api('stock.receive', { productId: tea.id, locationId: bins['A-10'], quantity: 10 });
    await shop.api('stock.receive', { productId: cup.id, locationId: bins['A-2'], quantity: 10 });
    const address = { recipient: '王芳', line1: '南京路 88 号', city: '上海', country: 'CN' };
    const { customer: wang } = await shop.api<{ customer: { id: string } }>('customers.create', {
      name: '王芳 Wang Fang',
      addresses: [{ kind: 'shipping', ...address }],
    });
    const { customer: li } = await shop.api<{ customer: { id: string } }>('customers.create', {
      name: '李雷 Li Lei',
      addresses: [{ kind: 'shipping', ...address, recipient: '李雷' }],
    });
    first = await shop.api<Order>('orders.create', {
      customerId: wang.id,
      warehouseId: main.id,
      confirm: true,
      shipping: { method: 'SF Express', amount: 1_200 },
      lines: [
        { productId: tea.id, quantity: 2 },
        { productId: cup.id, quantity: 1 },
      ],
    });
    second = await shop.api<Order>('orders.create', {
      customerId: li.id,
      warehouseId: main.id,
      confirm: true,
      shipping: { method: 'SF Express', amount: 1_200 },
      lines: [{ productId: tea.id, quantity: 1 }],
    });
  });
  afterAll(() => shop?.close());

  it('makes a batch pick list for two orders and picks it by scanning, refusing one too many', async () => {
    await page.goto(`${shop.server.base}/#/shipments/pick`);
    await page.getByText('No pick lists here yet.').waitFor();
    await page.getByRole('button', { name: 'New pick list' }).click();
    await page.getByLabel(`Pick ${first.number}`).check();
    await page.getByLabel(`Pick ${second.number}`).check();
    await screenshot(page, 'pickpack-60-new-en');
    await page.getByRole('button', { name: 'Create pick list for 2 orders' }).click();
    await page.getByRole('heading', { name: /^PL-/ }).waitFor();

    const walk = page.getByRole('region', { name: 'Walk order' });
    const bins = await walk.locator('tbody tr td.pick-lines__bin').allTextContents();
    expect(bins).toEqual(['A-2', 'A-10']);

    await scan('A-2');
    await page.getByText('Bin A-2: now scan its products.').waitFor();
    await scan('4006381333931');
    await page.getByText('CUP-01 from A-2 → tote 1').waitFor();
    await scan('A-10');
    await page.getByText('Bin A-10: now scan its products.').waitFor();
    await scan('6901234567892');
    await page.getByText('PU-357 from A-10 → tote 1').waitFor();
    await scan('PU-357');
    await page.getByText('3 of 4 units picked').waitFor();
    await scan('6901234567892');
    await page.getByText('PU-357 from A-10 → tote 2').waitFor();
    await page.getByText('4 of 4 units picked').waitFor();
    await scan('6901234567892');
    await page.getByRole('alert').getByText('One too many: all 3 × PU-357 are picked already').waitFor();
    await scan('96385074');
    await page.getByRole('alert').getByText('Not on this pick list: 96385074').waitFor();
    await screenshot(page, 'pickpack-61-picking-en');

    const [open] = await shop.api<PickList[]>('pickLists.list', { status: 'open' });
    list = await shop.api<PickList>('pickLists.get', { id: open.id });
    expect(list.lines.map((l) => [l.locationCode, l.sku, l.quantity, l.picked])).toEqual([
      ['A-2', 'CUP-01', 1, 1],
      ['A-10', 'PU-357', 3, 3],
    ]);
    const cupLine = page.getByLabel('Picked in full: CUP-01 from A-2');
    await cupLine.click();
    await page.getByText('3 of 4 units picked').waitFor();
    await page.getByLabel('Short reason for CUP-01 in A-2').waitFor();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Pick every line or record why it is short before completing.').waitFor();
    await cupLine.click();
    await page.getByText('4 of 4 units picked').waitFor();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Pick list completed.').waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'pickpack-67-print-en');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect((await shop.api<PickList>('pickLists.get', { id: list.id })).status).toBe('done');
  });

  it('packs an order at the pack station, refusing a wrong item, and closes the package', async () => {
    await page
      .getByRole('row', { name: new RegExp(first.number) })
      .getByRole('link', { name: 'Pack' })
      .click();
    const field = page.getByLabel('Scan order, pick list or item');
    await page.getByRole('heading', { name: `Order ${first.number}` }).waitFor();
    await expect.poll(() => field.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    const type = async (code: string) => {
      await field.fill(code);
      await field.press('Enter');
    };
    await type('6901234567892');
    await page.getByText('Packed PU-357').waitFor();
    await type('96385074');
    const refusal = page.locator('.pack-station__feedback.is-refused');
    await refusal.getByText('Not on this order: 96385074').waitFor();
    await type('6901234567892');
    await page.getByText('Packed PU-357').waitFor();
    await type('6901234567892');
    await refusal.getByText('One too many: no PU-357 left to pack on this order').waitFor();
    await screenshot(page, 'pickpack-62-refused-en');
    const afterRefusals = await shop.api<PackingOrder>('packing.order', { order: first.number });
    expect(afterRefusals.openPackage?.lines).toEqual([
      { orderLineId: expect.any(String), sku: 'PU-357', name: '云南普洱茶 357克', quantity: 2 },
    ]);

    await type('4006381333931');
    await page.getByText('Packed CUP-01 · Everything on this order is packed.').waitFor();
    await page.getByText('Products’ own weight: 910 g').waitFor();
    await page.getByRole('button', { name: 'Close package' }).click();
    await page.getByText('Weight (g)').locator('..').getByRole('alert').waitFor();
    await page.getByLabel('Weight (g)').fill('985');
    await page.getByLabel('Length (mm)').fill('300');
    await page.getByLabel('Width (mm)').fill('200');
    await page.getByLabel('Height (mm)').fill('150');
    await page.getByRole('button', { name: 'Close package' }).click();
    await page.getByText(/^Package SH-.* closed\.$/).waitFor();
    const packed = await shop.api<PackingOrder>('packing.order', { order: first.number });
    expect(packed.fulfilmentStatus).toBe('packed');
    expect(packed.openPackage).toBeNull();
    expect(packed.packages).toMatchObject([{ stage: 'packed', weightGrams: 985, lengthMm: 300 }]);
    const link = page.getByRole('link', { name: packed.packages[0].number });
    expect(await link.getAttribute('href')).toBe(`#/shipments/${packed.packages[0].id}`);
    await screenshot(page, 'pickpack-63-packed-en');
  });

  it('opens a pick list at the pack station to choose the next order by tote, in Chinese too', async () => {
    const field = page.getByLabel('Scan order, pick list or item');
    await field.fill(list.number);
    await field.press('Enter');
    await page.getByRole('heading', { name: `Pick list ${list.number}: choose the order to pack` }).waitFor();
    await expect.poll(() => page.evaluate('location.hash')).toBe('#/shipments/pack');
    await expect(page.getByRole('heading', { name: `Order ${first.number}` }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: new RegExp(second.number) }).click();
    await page.getByRole('heading', { name: `Order ${second.number}` }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('扫描订单、拣货单或商品').fill('96385074');
    await page.getByLabel('扫描订单、拣货单或商品').press('Enter');
    await page.getByText('不在本订单上：96385074').waitFor();
    await screenshot(page, 'pickpack-64-pack-zh');
    await page.goto(`${shop.server.base}/#/shipments/pick/${list.id}`);
    await page.getByText('已拣 4 / 4 件').waitFor();
    await screenshot(page, 'pickpack-65-list-zh');
    await page.goto(`${shop.server.base}/#/shipments/pick`);
    await page.getByLabel('显示').selectOption('done');
    await page.getByRole('link', { name: list.number }).waitFor();
    await screenshot(page, 'pickpack-66-lists-zh');
  });
});
