import { describe, expect, it } from 'vitest';
import { documentIds, documentRequest } from '../../src/shared/domain/documents';
import { bin, product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

const ADDRESS = {
  kind: 'shipping' as const,
  recipient: '王芳',
  phone: '13800138000',
  line1: '南京西路 88 号 <b>2</b> 楼',
  city: '上海',
  region: '上海市',
  postalCode: '200041',
  country: 'CN',
};

/** Two confirmed orders of one warehouse on one pick list: tea in A-02, cups in B-01. */
async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  await client.settings.update({ address: { line1: '18 Nanjing Road', city: 'Shanghai', postalCode: '200001' } });
  const main = await warehouseWithBins(client);
  const tea = await product(client, { sku: 'TEA-1', name: '云南普洱茶' });
  const cup = await product(client, { sku: 'CUP-1', name: 'Cup & saucer' });
  await client.stock.receive({ productId: tea.id, warehouseId: main.id, locationId: bin(main, 'A-02'), quantity: 9 });
  await client.stock.receive({ productId: cup.id, warehouseId: main.id, locationId: bin(main, 'B-01'), quantity: 9 });
  const { customer } = await client.customers.create({ name: '王芳', addresses: [ADDRESS] });
  const order = (quantity: number) =>
    client.orders.create({
      customerId: customer.id,
      warehouseId: main.id,
      confirm: true,
      lines: [
        { productId: tea.id, quantity },
        { productId: cup.id, quantity: 1 },
      ],
      shipping: { method: 'SF Express', amount: 0 },
    });
  const first = await order(2);
  const second = await order(3);
  const list = await client.pickLists.create({ orders: [first.id, second.id] });
  const carriers = await client.shipments.carriers({});
  const sf = carriers.find((c) => c.code === 'sf')!;
  return { app, client, main, first, second, list, sf };
}

describe('printed pick lists and shipping labels', () => {
  it('lays a pick list out in walk order with its totes, leaving a withdrawn order out', async () => {
    const { client, first, second, list } = await shop();
    await client.orders.cancel({ id: second.id, reason: 'Changed mind' });
    const page = await client.documents.render(documentRequest('pick-list', [list.number]));
    expect(page).toMatchObject({ kind: 'pick-list', paper: 'a4', title: `Pick list ${list.number}` });
    const body = page.body.replace(/\s+/g, ' ');
    expect(body).toContain(first.number);
    expect(body).not.toContain(second.number);
    expect(body.indexOf('A-02')).toBeLessThan(body.indexOf('B-01'));
    expect(body).toContain('Cup &#38; saucer');
    expect(body).toMatch(/<td class="num qty">2<\/td>/);
    expect(page.html).toContain('counter(page)');
  });

  it('lays a label out on label stock, exactly one page high, numbering the order’s live parcels', async () => {
    const { client, main, first, sf } = await shop();
    const ship = (lineIndex: number, trackingNumber: string) =>
      client.shipments.shipOrder({
        orderId: first.id,
        warehouseId: main.id,
        lines: [{ orderLineId: first.lines[lineIndex].id, quantity: first.lines[lineIndex].quantity }],
        carrierId: sf.id,
        serviceId: sf.services[0].id,
        trackingNumber,
      });
    const voided = await ship(0, 'SF1000000000001');
    await client.shipments.void({ id: voided.id, reason: 'Wrong box' });
    const tea = await ship(0, 'SF1000000000002');
    const cup = await ship(1, 'SF1000000000003');
    const label = await client.documents.render(documentRequest('shipping-label', [cup.trackingNumber!]));
    expect(label).toMatchObject({ kind: 'shipping-label', paper: '4x6in', widthMm: 101.6, heightMm: 152.4 });
    expect(label.html).toContain('@page { size: 101.6mm 152.4mm; margin: 0; }');
    expect(label.html).not.toContain('counter(page)');
    expect(label.body).toContain('Parcel 2 of 2');
    expect(label.body).toContain('南京西路 88 号 &#60;b&#62;2&#60;/b&#62; 楼');
    expect(label.body).toContain('SF1000000000003');
    const both = await client.documents.render({
      kind: 'shipping-label',
      shipmentIds: [tea.id, cup.number],
      paper: '100x150mm',
    });
    expect(both.body.match(/class="oms-doc__one"/g)).toHaveLength(2);
    expect(both.body).toContain('Parcel 1 of 2');
    expect(both.html).toContain('height: 150mm; overflow: hidden;');

    const error = await failure(client.documents.render(documentRequest('shipping-label', [voided.id])));
    expect(error.code).toBe('INVALID_STATE');
  });

  it('refuses a request that names another kind’s list, or none', async () => {
    const { client, first, list } = await shop();
    const crossed = await failure(client.documents.render({ kind: 'pick-list', orderIds: [first.id] }));
    expect(crossed.code).toBe('VALIDATION');
    expect(crossed.details).toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'orderIds' }),
        expect.objectContaining({ path: 'pickListIds' }),
      ]),
    });
    const wrongPaper = await failure(
      client.documents.render({ kind: 'pick-list', pickListIds: [list.id], paper: '4x6in' }),
    );
    expect(wrongPaper.code).toBe('VALIDATION');
    expect(documentIds(documentRequest('invoice', [first.id]))).toEqual([first.id]);
  });
});
