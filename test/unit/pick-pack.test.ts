import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/shared/client';
import { compareBinCodes } from '../../src/shared/domain/picking';
import { product } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

/** A warehouse whose bins sort differently as text and as a person reads them (A-2 before A-10). */
async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  const warehouse = await client.warehouses.create({ code: 'MAIN', name: 'Main' });
  const bins: Record<string, string> = {};
  for (const code of ['A-10', 'A-2', 'A-3', 'A-9', 'B-1']) {
    bins[code] = (await client.warehouses.createLocation({ warehouseId: warehouse.id, code })).id;
  }
  const tea = await product(client, { barcode: '6901234567892', weightGrams: 400 });
  const cup = await product(client, { weightGrams: 150 });
  const pot = await product(client);
  const tray = await product(client);
  const receive = (productId: string, bin: string, quantity: number) =>
    client.stock.receive({ productId, locationId: bins[bin], quantity });
  await receive(tea.id, 'A-10', 10);
  await receive(cup.id, 'A-2', 10);
  await receive(pot.id, 'B-1', 10);
  // Three trays, none of the bins holds them all: a reservation of 3 takes A-9's 2 and A-3's 1.
  await receive(tray.id, 'A-3', 1);
  await receive(tray.id, 'A-9', 2);
  const order = (lines: Array<{ productId: string; quantity: number }>) =>
    client.orders.create({ warehouseId: warehouse.id, confirm: true, lines });
  return { app, client, warehouse, bins, tea, cup, pot, tray, order };
}

async function fulfilment(client: Client, id: string) {
  return (await client.orders.get({ id })).fulfilmentStatus;
}

describe('bin codes in walk order', () => {
  it('sort numbers inside codes by value, letters without regard to case', () => {
    expect(['A-10', 'b-1', 'A-2', 'A-1-3', 'A-1-10'].sort(compareBinCodes)).toEqual([
      'A-1-3',
      'A-1-10',
      'A-2',
      'A-10',
      'b-1',
    ]);
  });
});

describe('pick lists', () => {
  it('merge a batch per product and bin, in walk order, and say which order takes how many', async () => {
    const { client, tea, cup, pot, tray, order } = await shop();
    const first = await order([
      { productId: tea.id, quantity: 2 },
      { productId: cup.id, quantity: 1 },
    ]);
    const second = await order([
      { productId: tea.id, quantity: 1 },
      { productId: pot.id, quantity: 1 },
      { productId: tray.id, quantity: 3 },
    ]);
    const list = await client.pickLists.create({ orders: [first.number, second.id] });

    expect(list.lines.map((l) => [l.locationCode, l.sku, l.quantity])).toEqual([
      ['A-2', cup.sku, 1],
      ['A-3', tray.sku, 1],
      ['A-9', tray.sku, 2],
      ['A-10', tea.sku, 3],
      ['B-1', pot.sku, 1],
    ]);
    expect(list.lines[3].orders.map((o) => [o.number, o.tote, o.quantity])).toEqual([
      [first.number, 1, 2],
      [second.number, 2, 1],
    ]);
    expect(list.units).toBe(8);
    expect(await fulfilment(client, first.id)).toBe('picking');
    expect(await fulfilment(client, second.id)).toBe('picking');

    const again = await failure(client.pickLists.create({ orders: [first.id] }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain(list.number);
    expect((await client.pickLists.pickable({ warehouseId: list.warehouseId })).map((o) => o.id)).toEqual([]);
  });

  it('count up by scanning, tell the tote, refuse an over-pick, and complete only with every line accounted for', async () => {
    const { client, tea, cup, pot, order } = await shop();
    const first = await order([{ productId: tea.id, quantity: 1 }]);
    const second = await order([
      { productId: tea.id, quantity: 1 },
      { productId: cup.id, quantity: 2 },
    ]);
    const list = await client.pickLists.create({ orders: [first.id, second.id] });

    const one = await client.pickLists.scan({ id: list.number, code: '6901234567892' });
    expect(one.tote).toBe(1);
    const two = await client.pickLists.scan({ id: list.id, code: tea.sku, locationCode: 'a-10' });
    expect(two.tote).toBe(2);
    const before = await client.pickLists.get({ id: list.id });
    const over = await failure(client.pickLists.scan({ id: list.id, code: tea.sku }));
    expect(over.code).toBe('CONFLICT');
    expect(over.details).toMatchObject({ reason: 'over_pick', asked: 2, picked: 2 });
    const wrongBin = await failure(client.pickLists.scan({ id: list.id, code: cup.sku, locationCode: 'A-10' }));
    expect(wrongBin.details).toMatchObject({ reason: 'wrong_bin', bins: ['A-2'] });
    const notOnList = await failure(client.pickLists.scan({ id: list.id, code: pot.sku }));
    expect(notOnList.details).toMatchObject({ reason: 'not_on_list', sku: pot.sku });
    expect(await client.pickLists.get({ id: list.id })).toEqual(before);

    const cupLine = before.lines.find((l) => l.productId === cup.id)!;
    await client.pickLists.scan({ id: list.id, code: cup.sku });
    expect((await failure(client.pickLists.complete({ id: list.id }))).code).toBe('INVALID_STATE');
    const short = await client.pickLists.short({ id: list.id, lineId: cupLine.id, reason: 'damaged' });
    expect(short.lines.find((l) => l.id === cupLine.id)).toMatchObject({ picked: 1, shortReason: 'damaged' });
    const done = await client.pickLists.complete({ id: list.id });
    expect(done.status).toBe('done');
    expect(done.picked).toBe(3);
    expect((await client.pickLists.list({ status: 'done' }))[0]).toMatchObject({ number: list.number, shortLines: 1 });

    // What was picked is not picked again; the short cup is, for the order it was short for.
    const again = await client.pickLists.pickable({ warehouseId: list.warehouseId });
    expect(again.map((o) => [o.number, o.units])).toEqual([[second.number, 1]]);
    const rest = await client.pickLists.create({ orders: [second.id] });
    expect(rest.lines.map((l) => [l.sku, l.quantity])).toEqual([[cup.sku, 1]]);
  });

  it('refuse orders that are not confirmed or that ship from two warehouses', async () => {
    const { client, tea, order } = await shop();
    const draft = await client.orders.create({ lines: [{ productId: tea.id, quantity: 1 }] });
    expect((await failure(client.pickLists.create({ orders: [draft.id] }))).code).toBe('INVALID_STATE');
    const other = await client.warehouses.create({ code: 'SHOP', name: 'Shop' });
    await client.stock.receive({ productId: tea.id, warehouseId: other.id, quantity: 5 });
    const here = await order([{ productId: tea.id, quantity: 1 }]);
    const there = await client.orders.create({
      warehouseId: other.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 1 }],
    });
    const mixed = await failure(client.pickLists.create({ orders: [here.id, there.id] }));
    expect(mixed.code).toBe('VALIDATION');
    expect(await fulfilment(client, here.id)).toBe('unfulfilled');
  });

  it('cancelled, give orders with nothing packed back to unfulfilled', async () => {
    const { client, tea, order } = await shop();
    const first = await order([{ productId: tea.id, quantity: 1 }]);
    const list = await client.pickLists.create({ orders: [first.id] });
    expect((await client.pickLists.cancel({ id: list.id })).status).toBe('cancelled');
    expect(await fulfilment(client, first.id)).toBe('unfulfilled');
    expect((await client.pickLists.pickable({ warehouseId: list.warehouseId })).map((o) => o.id)).toEqual([first.id]);
  });

  it('keep their orders from being completed at the counter, which would take the goods out of stock twice', async () => {
    const { app, client, tea, order } = await shop();
    const sale = await order([{ productId: tea.id, quantity: 1 }]);
    await client.orders.pay({ id: sale.id, method: 'cash', amount: sale.grandTotal, tendered: sale.grandTotal });
    const list = await client.pickLists.create({ orders: [sale.id] });
    const movements = async () =>
      Number(
        (
          await app.handle.db
            .selectFrom('stock_movements')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await movements();
    const refused = await failure(client.orders.complete({ id: sale.id }));
    expect([refused.code, await fulfilment(client, sale.id), await movements()]).toEqual([
      'INVALID_STATE',
      'picking',
      before,
    ]);
    await client.pickLists.cancel({ id: list.id });
    expect((await client.orders.complete({ id: sale.id })).status).toBe('completed');
  });
});

describe('the pack station', () => {
  it('refuses a product not on the order and one too many, changing nothing', async () => {
    const { client, tea, cup, pot, order } = await shop();
    const sale = await order([
      { productId: tea.id, quantity: 1 },
      { productId: cup.id, quantity: 1 },
    ]);
    await client.packing.scan({ order: sale.number, code: '6901234567892' });
    const before = await client.packing.order({ order: sale.number });
    const wrong = await failure(client.packing.scan({ order: sale.number, code: pot.sku }));
    expect(wrong.code).toBe('CONFLICT');
    expect(wrong.details).toMatchObject({ reason: 'not_on_order', sku: pot.sku });
    const unknown = await failure(client.packing.scan({ order: sale.number, code: 'NO-SUCH-CODE' }));
    expect(unknown.details).toMatchObject({ reason: 'not_on_order', sku: null });
    const extra = await failure(client.packing.scan({ order: sale.number, code: tea.sku }));
    expect(extra.details).toMatchObject({ reason: 'too_many', left: 0 });
    expect(await client.packing.order({ order: sale.number })).toEqual(before);
  });

  it('packs an order in two packages, with removal and closing, and follows it in the fulfilment status', async () => {
    const { client, tea, cup, order } = await shop();
    const sale = await order([
      { productId: tea.id, quantity: 2 },
      { productId: cup.id, quantity: 1 },
    ]);
    await client.pickLists.create({ orders: [sale.id] });
    await client.packing.scan({ order: sale.number, code: tea.sku });
    let view = await client.packing.scan({ order: sale.number, code: cup.sku });
    expect(view.openPackage?.lines.map((l) => [l.sku, l.quantity])).toEqual([
      [tea.sku, 1],
      [cup.sku, 1],
    ]);
    expect(view.openPackage?.estimatedWeightGrams).toBe(550);
    const cupLine = view.lines.find((l) => l.sku === cup.sku)!;
    view = await client.packing.remove({ shipmentId: view.openPackage!.id, orderLineId: cupLine.orderLineId });
    expect(view.lines.find((l) => l.sku === cup.sku)).toMatchObject({ packed: 0, toPack: 1 });

    const tooLight = await failure(
      client.packing.close({ shipmentId: view.openPackage!.id, weightGrams: 0, lengthMm: 1, widthMm: 1, heightMm: 1 }),
    );
    expect(tooLight.code).toBe('VALIDATION');
    view = await client.packing.close({
      shipmentId: view.openPackage!.number,
      weightGrams: 480,
      lengthMm: 200,
      widthMm: 150,
      heightMm: 100,
    });
    expect(view.openPackage).toBeNull();
    expect(view.packages).toEqual([
      expect.objectContaining({ stage: 'packed', weightGrams: 480, lengthMm: 200, widthMm: 150, heightMm: 100 }),
    ]);
    expect(view.packages[0].packedAt).not.toBeNull();
    expect(view.fulfilmentStatus).toBe('picking');

    await client.packing.scan({ order: sale.number, code: tea.sku });
    view = await client.packing.scan({ order: sale.number, code: cup.sku });
    expect(view.openPackage?.number).not.toBe(view.packages[0].number);
    view = await client.packing.close({
      shipmentId: view.openPackage!.id,
      weightGrams: 600,
      lengthMm: 300,
      widthMm: 200,
      heightMm: 100,
    });
    expect(view.packages).toHaveLength(2);
    expect(view.lines.every((l) => l.toPack === 0)).toBe(true);
    expect(view.fulfilmentStatus).toBe('packed');
    expect(
      (await failure(client.packing.remove({ shipmentId: view.packages[0].id, orderLineId: cupLine.orderLineId })))
        .code,
    ).toBe('INVALID_STATE');
  });

  it('packs only confirmed orders', async () => {
    const { client, tea } = await shop();
    const draft = await client.orders.create({ lines: [{ productId: tea.id, quantity: 1 }] });
    expect((await failure(client.packing.scan({ order: draft.id, code: tea.sku }))).code).toBe('INVALID_STATE');
  });
});

describe('cancelling an order in the warehouse', () => {
  it('takes it off its open pick list and unpacks its packages, leaving the other orders alone', async () => {
    const { client, tea, cup, order } = await shop();
    const keep = await order([{ productId: tea.id, quantity: 1 }]);
    const drop = await order([
      { productId: tea.id, quantity: 2 },
      { productId: cup.id, quantity: 1 },
    ]);
    const list = await client.pickLists.create({ orders: [keep.id, drop.id] });
    await client.pickLists.scan({ id: list.id, code: tea.sku, quantity: 3 });
    await client.packing.scan({ order: drop.id, code: tea.sku });
    await client.packing.scan({ order: drop.id, code: tea.sku });
    const packed = await client.packing.scan({ order: drop.id, code: cup.sku });
    await client.packing.close({
      shipmentId: packed.openPackage!.id,
      weightGrams: 900,
      lengthMm: 300,
      widthMm: 200,
      heightMm: 150,
    });
    expect(await fulfilment(client, drop.id)).toBe('packed');

    const cancelled = await client.orders.cancel({ id: drop.id, reason: 'Customer changed mind' });
    expect(cancelled.fulfilmentStatus).toBe('unfulfilled');
    const after = await client.pickLists.get({ id: list.id });
    expect(after.status).toBe('open');
    expect(after.orders.map((o) => [o.number, o.withdrawn])).toEqual([
      [keep.number, false],
      [drop.number, true],
    ]);
    expect(after.lines.map((l) => [l.sku, l.quantity, l.picked])).toEqual([[tea.sku, 1, 1]]);
    const view = await client.packing.order({ order: drop.id });
    expect(view.packages).toEqual([]);
    expect(view.openPackage).toBeNull();

    await client.orders.cancel({ id: keep.id });
    expect((await client.pickLists.get({ id: list.id })).status).toBe('cancelled');
  });
});
