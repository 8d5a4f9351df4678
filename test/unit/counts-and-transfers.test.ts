import { describe, expect, it } from 'vitest';
import { bin, product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

describe('stock counts', () => {
  it('counts blind by scanning, reviews variances (uncounted stock as zero) and posts them as adjustments', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client);
    const tea = await product(client, { sku: 'TEA', barcode: '4006381333931' });
    const cup = await product(client, { sku: 'CUP' });
    const pot = await product(client, { sku: 'POT' });
    await client.stock.receive({ productId: tea.id, locationId: bin(main, 'A-01'), quantity: 5 });
    await client.stock.receive({ productId: cup.id, locationId: bin(main, 'A-01'), quantity: 2 });
    await client.stock.receive({ productId: pot.id, locationId: bin(main, 'B-01'), quantity: 9 });

    const count = await client.counts.start({ warehouseId: main.id, locationIds: [bin(main, 'A-01')] });
    expect(count).toMatchObject({ status: 'open', blind: true, locations: [{ code: 'A-01' }] });
    expect((await failure(client.counts.start({ warehouseId: main.id, locationIds: [bin(main, 'A-01')] }))).code).toBe(
      'CONFLICT',
    );

    for (let i = 0; i < 4; i++)
      await client.counts.record({ id: count.id, locationId: bin(main, 'A-01'), code: '4006381333931' });
    const seen = await client.counts.record({ id: count.id, locationId: bin(main, 'A-01'), code: 'POT', quantity: 1 });
    expect(seen.lines.map((l) => [l.sku, l.counted, l.expected])).toEqual([
      ['POT', 1, null],
      ['TEA', 4, null],
    ]);
    const outside = await failure(client.counts.record({ id: count.id, locationId: bin(main, 'B-01'), code: 'POT' }));
    expect(outside.code).toBe('VALIDATION');

    const review = await client.counts.review({ id: count.id });
    expect(review.map((r) => [r.sku, r.expected, r.counted, r.variance, r.wasCounted])).toEqual([
      ['CUP', 2, 0, -2, false],
      ['POT', 0, 1, 1, true],
      ['TEA', 5, 4, -1, true],
    ]);
    const posted = await client.counts.post({ id: count.id });
    expect(posted.status).toBe('posted');
    const levels = await client.stock.levels({ warehouseId: main.id });
    expect(
      levels.map((l) => [
        l.locationCode,
        l.productId === tea.id ? 'TEA' : l.productId === cup.id ? 'CUP' : 'POT',
        l.onHand,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['A-01', 'TEA', 4],
        ['A-01', 'CUP', 0],
        ['A-01', 'POT', 1],
        ['B-01', 'POT', 9],
      ]),
    );
    const history = await client.stock.movements({ productId: cup.id });
    expect(history[0]).toMatchObject({
      kind: 'count',
      onHandDelta: -2,
      reason: 'count-not-found',
      referenceId: count.number,
    });
    expect((await failure(client.counts.post({ id: count.id }))).code).toBe('INVALID_STATE');
    expect(await client.stock.verify({})).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
  });
});

describe('transfers between warehouses', () => {
  it('ships from the source bins, is in transit in neither warehouse, and arrives (with a shortfall noted)', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client, 'MAIN');
    const shop = await warehouseWithBins(client, 'SHOP');
    const tea = await product(client, { sku: 'TEA' });
    await client.stock.receive({ productId: tea.id, locationId: bin(main, 'A-01'), quantity: 3 });
    await client.stock.receive({ productId: tea.id, locationId: bin(main, 'B-01'), quantity: 5 });
    await client.stock.reserve({ productId: tea.id, warehouseId: main.id, quantity: 2 });

    const transfer = await client.transfers.create({
      fromWarehouseId: main.id,
      toWarehouseId: shop.id,
      lines: [{ productId: tea.id, quantity: 7 }],
    });
    expect(transfer.number).toMatch(/^TR-\d{8}-0001$/);
    const short = await failure(client.transfers.ship({ id: transfer.id }));
    expect(short.code).toBe('INSUFFICIENT_STOCK');
    expect(short.details).toMatchObject({ asked: 7, available: 6 });

    const fitting = await client.transfers.create({
      fromWarehouseId: main.id,
      toWarehouseId: shop.id,
      lines: [{ productId: tea.id, quantity: 5 }],
    });
    await client.transfers.cancel({ id: transfer.id });
    const shipped = await client.transfers.ship({ id: fitting.id });
    expect(shipped.status).toBe('in_transit');
    const during = await client.stock.overview({});
    expect(during.rows[0]).toMatchObject({ onHand: 3, inTransit: 5 });
    expect((await client.stock.overview({ warehouseId: shop.id })).rows[0]).toMatchObject({ onHand: 0, inTransit: 5 });

    const arrived = await client.transfers.receive({ id: fitting.id, received: [{ lineNo: 1, quantity: 4 }] });
    expect(arrived).toMatchObject({ status: 'received', lines: [{ quantity: 5, quantityReceived: 4 }] });
    expect((await client.stock.overview({ warehouseId: shop.id })).rows[0]).toMatchObject({ onHand: 4, inTransit: 0 });
    expect((await client.stock.overview({ warehouseId: main.id })).rows[0]).toMatchObject({ onHand: 3, reserved: 2 });
    expect(await client.stock.verify({})).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
  });
});
