import { describe, expect, it } from 'vitest';
import { micronsOf, PAPER_SIZES, printPageSize, rollPageCss } from '../../src/shared/domain/documents';
import { bin, product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

const ADDRESS = {
  kind: 'shipping' as const,
  recipient: '王芳',
  phone: '13800138000',
  line1: '南京西路 88 号',
  city: '上海',
  region: '上海市',
  postalCode: '200041',
  country: 'CN',
};

/** A shop whose stock sits in bins A-02 and B-01, an order for a shirt variant and a tea, shipped to Wang Fang. */
async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  await client.settings.update({
    address: { line1: '18 Nanjing Road', city: 'Shanghai', postalCode: '200001' },
    returnInstructions: 'Send it back within 30 days with this slip.',
  });
  const main = await warehouseWithBins(client);
  const family = await client.productFamilies.create({
    handle: 'shirt',
    name: 'Shirt',
    optionNames: ['Size', 'Colour'],
  });
  const shirt = await product(client, {
    sku: 'SH-M-BLUE',
    name: 'Linen shirt',
    unitPrice: 29900,
    familyId: family.id,
    optionValues: { Colour: 'Blue', Size: 'M' },
  });
  const tea = await product(client, { sku: 'TEA-1', name: '云南普洱茶', unitPrice: 1000 });
  await client.stock.receive({ productId: shirt.id, warehouseId: main.id, locationId: bin(main, 'B-01'), quantity: 5 });
  await client.stock.receive({ productId: tea.id, warehouseId: main.id, locationId: bin(main, 'A-02'), quantity: 9 });
  const { customer } = await client.customers.create({ name: '王芳', phone: '13800138000', addresses: [ADDRESS] });
  const order = await client.orders.create({
    channel: 'phone',
    customerId: customer.id,
    confirm: true,
    notes: 'Gift wrap, please <b>no</b> invoice in the box',
    lines: [
      { productId: shirt.id, quantity: 2 },
      { productId: tea.id, quantity: 3 },
    ],
    shipping: { method: 'SF Express', amount: 1130 },
  });
  return { app, client, order, main, tea };
}

describe('printed documents', () => {
  it('lays out a packing slip with bins, options, ship-to, notes and return instructions, without prices', async () => {
    const { client, order } = await shop();
    const slip = await client.documents.render({ kind: 'packing-slip', orderIds: [order.number] });
    expect(slip).toMatchObject({ paper: 'a4', widthMm: 210, heightMm: 297, title: `Packing slip ${order.number}` });
    for (const text of [
      'Packing slip',
      order.number,
      '18 Nanjing Road',
      '王芳',
      '南京西路 88 号',
      'SF Express',
      'SH-M-BLUE',
      'Size: M · Colour: Blue',
      '>B-01<',
      '>A-02<',
      'Send it back within 30 days with this slip.',
      '5 items',
    ]) {
      expect(slip.html).toContain(text);
    }
    // Notes are text, never markup.
    expect(slip.html).toContain('please &#60;b&#62;no&#60;/b&#62; invoice');
    expect(slip.html).not.toContain('¥');
    expect(slip.html).toContain('@page { size: 210mm 297mm;');
    expect(slip.html).toContain('thead { display: table-header-group; }');
    expect(slip.html.match(/<svg/g)).toHaveLength(2);
  });

  it('shows prices on the packing slip when the shop chooses, on Letter paper when asked', async () => {
    const { client, order } = await shop();
    await client.settings.update({ packingSlipPrices: true });
    const slip = await client.documents.render({ kind: 'packing-slip', orderIds: [order.id], paper: 'letter' });
    expect(slip.html).toContain('@page { size: 215.9mm 279.4mm;');
    for (const text of ['Unit price', 'CN¥299.00', 'CN¥598.00', 'CN¥639.30']) expect(slip.html).toContain(text);
  });

  it('lays out an invoice with tax per rate and the payment status, in Chinese for a Chinese store', async () => {
    const { client, order } = await shop();
    await client.orders.pay({ id: order.id, method: 'transfer', amount: 20000, reference: 'BANK-7' });
    await client.settings.update({ locale: 'zh-CN' });
    const invoice = await client.documents.render({ kind: 'invoice', orderIds: [order.id] });
    for (const text of ['发票', '部分付款', '13%', '¥639.30', '¥200.00', '¥439.30', 'BANK-7', 'Droid Sans Fallback']) {
      expect(invoice.html).toContain(text);
    }
    // The tax line is the order's own: 13 % inside the lines and the shipping.
    expect(order.taxes.map((t) => t.rateBasisPoints)).toEqual([1300]);
    expect(invoice.html).toContain(`¥${(order.taxTotal / 100).toFixed(2)}`);
  });

  it('lays out the receipt on an 80 or 58 mm roll, each page as long as its receipt', async () => {
    const { client, order } = await shop();
    const receipt = await client.documents.render({ kind: 'receipt', orderIds: [order.id] });
    expect(receipt).toMatchObject({ paper: '80mm', widthMm: 80, heightMm: null });
    expect(receipt.css).toContain('.oms-doc .receipt__grand');
    expect(receipt.body).toContain('Thank you!');
    const narrow = await client.documents.render({ kind: 'receipt', orderIds: [order.id], paper: '58mm' });
    expect(narrow.body).toContain('oms-doc--58mm');
    expect(narrow.body).toContain('receipt__code--qr');
    expect(receipt.body).not.toContain('receipt__code--qr');
    expect(rollPageCss('80mm', [101.2, 50])).toBe(
      '@page d0 { size: 80mm 106mm; margin: 0; }\n@page d1 { size: 80mm 54mm; margin: 0; }',
    );
    expect(micronsOf(PAPER_SIZES['80mm'].widthMm)).toBe(80_000);
    expect(micronsOf(PAPER_SIZES.letter.widthMm)).toBe(215_900);
    // Electron's printer gets exact microns: the sheet, or the longest receipt of the job.
    expect(printPageSize('a4', [])).toEqual({ width: 210_000, height: 297_000 });
    expect(printPageSize('58mm', [90.2, 120.5])).toEqual({ width: 58_000, height: 125_000 });
  });

  it('uses the paper set for the kind, and refuses a paper the kind does not print on', async () => {
    const { client, order } = await shop();
    await client.settings.update({ documentSetups: { invoice: { paper: 'letter', printer: 'Office laser' } } });
    expect((await client.documents.render({ kind: 'invoice', orderIds: [order.id] })).paper).toBe('letter');
    const wrong = await failure(client.documents.render({ kind: 'receipt', orderIds: [order.id], paper: 'a4' }));
    expect(wrong.details).toMatchObject({ issues: [{ path: 'paper', message: 'One of 80mm, 58mm' }] });
    const setting = await failure(
      client.settings.update({ documentSetups: { receipt: { paper: 'a4', printer: '' } } }),
    );
    expect(setting.details).toMatchObject({ issues: [{ path: 'documentSetups.receipt.paper' }] });
    const logo = await failure(client.settings.update({ logo: 'https://example.com/logo.png' }));
    expect(logo.code).toBe('VALIDATION');
    const missing = await failure(client.documents.render({ kind: 'invoice', orderIds: ['SO-NONE'] }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('puts many orders in one page, each on its own named page with its number in the footer', async () => {
    const { client, order, tea } = await shop();
    const second = await client.orders.create({ lines: [{ productId: tea.id, quantity: 1 }] });
    const batch = await client.documents.render({ kind: 'packing-slip', orderIds: [order.id, second.id] });
    expect(batch.title).toBe('Packing slip');
    expect(batch.html).toContain(`@page d1 { @bottom-left { content: "${second.number}";`);
    expect(batch.html.match(/class="oms-doc__one"/g)).toHaveLength(2);
  });
});
