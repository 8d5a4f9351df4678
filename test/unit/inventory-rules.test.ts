import { describe, expect, it } from 'vitest';
import { bin, product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

describe('inventory rules found in review', () => {
  it('values stock in transit when a receipt moves the average cost', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client, 'MAIN');
    const shop = await warehouseWithBins(client, 'SHOP');
    const tea = await product(client);
    await client.stock.receive({ productId: tea.id, warehouseId: main.id, quantity: 100, unitCost: 1000 });
    const transfer = await client.transfers.create({
      fromWarehouseId: main.id,
      toWarehouseId: shop.id,
      lines: [{ productId: tea.id, quantity: 100 }],
    });
    await client.transfers.ship({ id: transfer.id });
    await client.stock.receive({ productId: tea.id, warehouseId: main.id, quantity: 1, unitCost: 2000 });
    // (100 × 1000 + 2000) / 101 = 1009.9 → 1010
    expect((await client.products.get({ id: tea.id })).cost).toBe(1010);
  });

  it('measures a count against the bin as it was when counted, not when posted', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client);
    const tea = await product(client, { sku: 'TEA' });
    await client.stock.receive({ productId: tea.id, locationId: bin(main, 'A-01'), quantity: 10 });
    const count = await client.counts.start({ warehouseId: main.id, locationIds: [bin(main, 'A-01')] });
    await client.counts.record({ id: count.id, locationId: bin(main, 'A-01'), code: 'TEA', quantity: 10, mode: 'set' });
    const sale = await client.stock.reserve({ productId: tea.id, warehouseId: main.id, quantity: 3 });
    await client.stock.consume({ id: sale.id });
    await client.counts.post({ id: count.id });
    expect((await client.stock.levels({ productId: tea.id }))[0].onHand).toBe(7);
  });

  it('posts a count that finds less than is reserved, leaving the shortage visible', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client);
    const tea = await product(client, { sku: 'TEA' });
    await client.stock.receive({ productId: tea.id, locationId: bin(main, 'A-01'), quantity: 10 });
    await client.stock.reserve({ productId: tea.id, warehouseId: main.id, quantity: 8 });
    const count = await client.counts.start({ warehouseId: main.id, locationIds: [bin(main, 'A-01')] });
    await client.counts.record({ id: count.id, locationId: bin(main, 'A-01'), code: 'TEA', quantity: 5, mode: 'set' });
    await client.counts.post({ id: count.id });
    expect((await client.stock.levels({ productId: tea.id }))[0]).toMatchObject({
      onHand: 5,
      reserved: 8,
      available: -3,
    });
    expect(await client.stock.verify({})).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
  });

  it('keeps a blind count blind: counters record, only managers review and post', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client);
    await client.users.create({ username: 'picker', displayName: 'Picker', role: 'warehouse', secret: '5555' });
    const { client: picker } = await app.signIn('picker', '5555');
    const tea = await product(client, { sku: 'TEA' });
    await client.stock.receive({ productId: tea.id, locationId: bin(main, 'A-01'), quantity: 17 });
    const count = await picker.counts.start({ warehouseId: main.id });
    const seen = await picker.counts.record({ id: count.id, locationId: bin(main, 'A-01'), code: 'TEA' });
    expect(seen.lines[0].expected).toBeNull();
    expect((await failure(picker.counts.review({ id: count.id }))).code).toBe('FORBIDDEN');
    expect((await failure(picker.counts.post({ id: count.id }))).code).toBe('FORBIDDEN');
  });

  it('follows a changed reorder point into the low-stock list', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client);
    const tea = await product(client, { sku: 'TEA' });
    await client.stock.receive({ productId: tea.id, warehouseId: main.id, quantity: 5 });
    expect((await client.stock.overview({ lowStockOnly: true })).total).toBe(0);
    await client.products.update({ id: tea.id, reorderPoint: 5 });
    expect((await client.stock.overview({ lowStockOnly: true, warehouseId: main.id })).rows.map((r) => r.sku)).toEqual([
      'TEA',
    ]);
    await client.stock.receive({ productId: tea.id, warehouseId: main.id, quantity: 1 });
    expect((await client.stock.overview({ lowStockOnly: true })).total).toBe(0);
    await app.handle.db.updateTable('stock_summaries').set({ reorder_point: 99 }).execute();
    expect((await client.stock.verify({})).summaryDriftCount).toBe(2);
    expect((await client.stock.repair({})).summaryDriftCount).toBe(0);
  });

  it('refuses deactivated suppliers and warehouses, archived products, and a bin of another warehouse', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client, 'MAIN');
    const old = await warehouseWithBins(client, 'OLD');
    const supplier = await client.suppliers.create({ name: 'Gone Ltd' });
    const tea = await product(client);
    const retired = await product(client);
    await client.products.update({ id: retired.id, status: 'archived' });
    await client.warehouses.update({ id: old.id, active: false });

    const line = { productId: tea.id, quantity: 1, unitCost: 100 };
    expect(
      (await failure(client.purchaseOrders.create({ supplierId: supplier.id, warehouseId: old.id, lines: [line] })))
        .code,
    ).toBe('INVALID_STATE');
    expect(
      (
        await failure(
          client.purchaseOrders.create({
            supplierId: supplier.id,
            warehouseId: main.id,
            lines: [{ ...line, productId: retired.id }],
          }),
        )
      ).code,
    ).toBe('INVALID_STATE');
    await client.suppliers.update({ id: supplier.id, active: false });
    expect(
      (await failure(client.purchaseOrders.create({ supplierId: supplier.id, warehouseId: main.id, lines: [line] })))
        .code,
    ).toBe('INVALID_STATE');
    expect((await failure(client.stock.reserve({ productId: tea.id, warehouseId: old.id, quantity: 1 }))).code).toBe(
      'INVALID_STATE',
    );
    expect(
      (
        await failure(
          client.transfers.create({
            fromWarehouseId: main.id,
            toWarehouseId: old.id,
            lines: [{ productId: tea.id, quantity: 1 }],
          }),
        )
      ).code,
    ).toBe('INVALID_STATE');
    const mismatch = await failure(
      client.stock.receive({ productId: tea.id, warehouseId: old.id, locationId: bin(main, 'A-01'), quantity: 1 }),
    );
    expect(mismatch.details).toMatchObject({ issues: [{ path: 'locationId' }] });
  });
});
