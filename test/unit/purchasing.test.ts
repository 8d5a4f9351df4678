import { describe, expect, it } from 'vitest';
import { allocateByValue, landedUnitCost } from '../../src/main/services/purchasing/landed-cost';
import fc from 'fast-check';
import { bin, product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

describe('landed cost', () => {
  it('spreads an extra cost by value, in whole units that add up exactly (property)', () => {
    expect(
      allocateByValue(
        [
          { quantity: 10, unitCost: 100 },
          { quantity: 5, unitCost: 400 },
        ],
        999,
      ),
    ).toEqual([333, 666]);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ quantity: fc.integer({ min: 1, max: 1000 }), unitCost: fc.integer({ min: 0, max: 100_000 }) }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.integer({ min: 0, max: 10_000_000 }),
        (lines, extra) => {
          const shares = allocateByValue(lines, extra);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(extra);
          expect(shares.every((s) => s >= 0)).toBe(true);
        },
      ),
    );
    expect(landedUnitCost(100, 10, 333)).toBe(133);
  });
});

describe('purchase orders', () => {
  async function shop() {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const main = await warehouseWithBins(client);
    const supplier = await client.suppliers.create({ name: 'Yunnan Tea Co.' });
    const tea = await product(client, { sku: 'TEA', barcode: '4006381333931' });
    const cup = await product(client, { sku: 'CUP' });
    return { app, client, main, supplier, tea, cup };
  }

  it('goes draft → ordered → partially received → received, with incoming stock and landed cost', async () => {
    const { client, main, supplier, tea, cup } = await shop();
    const po = await client.purchaseOrders.create({
      supplierId: supplier.id,
      warehouseId: main.id,
      lines: [
        { productId: tea.id, quantity: 10, unitCost: 500 },
        { productId: cup.id, quantity: 4, unitCost: 1000 },
      ],
    });
    expect(po).toMatchObject({ status: 'draft', totalCost: 9000 });
    expect(po.number).toMatch(/^PO-\d{8}-0001$/);
    expect((await client.stock.overview({ warehouseId: main.id })).rows.find((r) => r.sku === 'TEA')?.incoming).toBe(0);

    await client.purchaseOrders.order({ id: po.id });
    expect((await client.stock.overview({ warehouseId: main.id })).rows.find((r) => r.sku === 'TEA')?.incoming).toBe(
      10,
    );

    // 6 teas (3000) and 4 cups (4000) arrive with 700 of freight: 300 and 400 of it.
    const partial = await client.purchaseOrders.receive({
      id: po.id,
      lines: [
        { productId: tea.id, quantity: 6, locationId: bin(main, 'A-01') },
        { productId: cup.id, quantity: 4 },
      ],
      landedCost: 700,
    });
    expect(partial.status).toBe('partially_received');
    expect((await client.products.get({ id: tea.id })).cost).toBe(550);
    expect((await client.products.get({ id: cup.id })).cost).toBe(1100);
    const teaRow = (await client.stock.overview({ warehouseId: main.id })).rows.find((r) => r.sku === 'TEA');
    expect(teaRow).toMatchObject({ onHand: 6, incoming: 4 });

    const done = await client.purchaseOrders.receive({ id: po.id, lines: [{ productId: tea.id, quantity: 4 }] });
    expect(done.status).toBe('received');
    expect(done.lines.map((l) => [l.sku, l.quantityReceived])).toEqual([
      ['TEA', 10],
      ['CUP', 4],
    ]);
    const history = await client.stock.movements({ productId: tea.id });
    expect(history.map((m) => [m.kind, m.referenceId, m.unitCost])).toEqual([
      ['receipt', po.number, 500],
      ['receipt', po.number, 550],
    ]);
    expect(
      (await failure(client.purchaseOrders.receive({ id: po.id, lines: [{ productId: tea.id, quantity: 1 }] }))).code,
    ).toBe('INVALID_STATE');
  });

  it('refuses an over-receipt unless accepted, and a product not on the order', async () => {
    const { client, main, supplier, tea, cup } = await shop();
    const po = await client.purchaseOrders.create({
      supplierId: supplier.id,
      warehouseId: main.id,
      lines: [{ productId: tea.id, quantity: 5, unitCost: 500 }],
    });
    expect(
      (await failure(client.purchaseOrders.receive({ id: po.id, lines: [{ productId: tea.id, quantity: 1 }] }))).code,
    ).toBe('INVALID_STATE');
    await client.purchaseOrders.order({ id: po.id });
    const over = await failure(
      client.purchaseOrders.receive({ id: po.id, lines: [{ productId: tea.id, quantity: 6 }] }),
    );
    expect(over.code).toBe('CONFLICT');
    expect(over.details).toMatchObject({ reason: 'over-receipt', ordered: 5, received: 6 });
    const stranger = await failure(
      client.purchaseOrders.receive({ id: po.id, lines: [{ productId: cup.id, quantity: 1 }] }),
    );
    expect(stranger.details).toMatchObject({ issues: [{ path: 'lines.0.productId' }] });
    const accepted = await client.purchaseOrders.receive({
      id: po.id,
      lines: [{ productId: tea.id, quantity: 6 }],
      acceptOverReceipt: true,
    });
    expect(accepted).toMatchObject({ status: 'received', lines: [{ quantityReceived: 6 }] });
  });

  it('closes a short-shipped order so what is missing stops being incoming', async () => {
    const { client, main, supplier, tea } = await shop();
    const po = await client.purchaseOrders.create({
      supplierId: supplier.id,
      warehouseId: main.id,
      lines: [{ productId: tea.id, quantity: 10, unitCost: 500 }],
    });
    await client.purchaseOrders.order({ id: po.id });
    await client.purchaseOrders.receive({ id: po.id, lines: [{ productId: tea.id, quantity: 7 }] });
    await client.purchaseOrders.close({ id: po.id });
    expect((await client.stock.overview({ warehouseId: main.id })).rows.find((r) => r.sku === 'TEA')).toMatchObject({
      onHand: 7,
      incoming: 0,
    });
    expect((await failure(client.purchaseOrders.cancel({ id: po.id }))).code).toBe('INVALID_STATE');
  });
});
