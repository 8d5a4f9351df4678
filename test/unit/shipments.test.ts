import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpServer, listen } from '../../src/main/http/server';
import type { Client } from '../../src/shared/client';
import { fieldIssues } from '../../src/shared/errors';
import { bin, product, warehouseWithBins } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

const UPS_OK = '1Z999AA10123456784';
const UPS_BAD = '1Z999AA10123456785';
const EMS_OK = 'EE123456785CN';

// Carrier events come after the label this app records when a parcel ships, at the clock's now.
const HOUR = 3_600_000;
const start = Date.now();
const utc = (hours: number) => new Date(start + hours * HOUR).toISOString();
/** The same instant as `utc(hours)`, written in China's time zone as carriers there do. */
const cst = (hours: number) => new Date(start + (hours + 8) * HOUR).toISOString().replace('Z', '+08:00');
const csvTime = (hours: number) =>
  cst(hours)
    .replace('T', ' ')
    .replace(/\.\d{3}/, '');

async function shop() {
  const app = await startTestApp({ serverToken: 'server-token' });
  const { client } = await app.setUpOwner();
  const main = await warehouseWithBins(client, 'MAIN');
  const north = await warehouseWithBins(client, 'NORTH');
  const tea = await product(client, { unitPrice: 1000 });
  const cup = await product(client, { unitPrice: 2500 });
  await client.stock.receive({ productId: tea.id, warehouseId: main.id, locationId: bin(main, 'A-01'), quantity: 5 });
  await client.stock.receive({ productId: cup.id, warehouseId: main.id, locationId: bin(main, 'A-02'), quantity: 5 });
  await client.stock.receive({ productId: tea.id, warehouseId: north.id, locationId: bin(north, 'B-01'), quantity: 5 });
  await client.stock.receive({ productId: cup.id, warehouseId: north.id, locationId: bin(north, 'B-01'), quantity: 5 });
  const carriers = await client.shipments.carriers({});
  const carrier = (code: string) => {
    const found = carriers.find((c) => c.code === code);
    if (!found) throw new Error(`no carrier ${code}`);
    return { carrierId: found.id, serviceId: found.services[0].id };
  };
  const order = await client.orders.create({
    channel: 'web',
    warehouseId: main.id,
    lines: [
      { productId: tea.id, quantity: 3 },
      { productId: cup.id, quantity: 2 },
    ],
    shipping: {
      method: 'Courier',
      address: { kind: 'shipping', recipient: 'Li Na', line1: '1 Nanjing Rd', city: 'Shanghai', country: 'CN' },
    },
    promisedDate: '2026-01-05',
    confirm: true,
  });
  const [teaLine, cupLine] = order.lines;
  return { app, client, main, north, tea, cup, carrier, order, teaLine, cupLine };
}

async function onHand(client: Client, productId: string, locationId: string) {
  return (await client.stock.levels({ productId })).find((l) => l.locationId === locationId)?.onHand ?? 0;
}

async function reserved(client: Client, productId: string, locationId: string) {
  return (await client.stock.levels({ productId })).find((l) => l.locationId === locationId)?.reserved ?? 0;
}

describe('shipping an order', () => {
  it('ships in parcels from two warehouses, refusing a bad number and over-shipping, with totals that add up', async () => {
    const { client, main, north, tea, cup, carrier, order, teaLine, cupLine } = await shop();

    const bad = await failure(
      client.shipments.shipOrder({
        orderId: order.number,
        warehouseId: main.id,
        lines: [{ orderLineId: teaLine.id, quantity: 2 }],
        ...carrier('ups'),
        trackingNumber: UPS_BAD,
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(fieldIssues(bad)).toEqual([
      { path: 'trackingNumber', message: expect.stringContaining('the check digit is 5, the number calls for 4') },
    ]);
    expect((await client.shipments.list({})).total).toBe(0);
    expect(await onHand(client, tea.id, bin(main, 'A-01'))).toBe(5);

    const first = await client.shipments.shipOrder({
      orderId: order.number,
      warehouseId: main.id,
      lines: [{ orderLineId: teaLine.id, quantity: 2 }],
      ...carrier('ups'),
      trackingNumber: '1z999aa1 0123456784',
      weightGrams: 800,
    });
    expect(first).toMatchObject({
      stage: 'shipped',
      trackingNumber: UPS_OK,
      trackingVerified: true,
      trackingStatus: 'label_created',
      trackingUrl: `https://www.ups.com/track?tracknum=${UPS_OK}`,
      promisedDate: '2026-01-05',
      late: true,
      units: 2,
      voidable: true,
      weightGrams: 800,
      lines: [{ orderLineId: teaLine.id, quantity: 2 }],
      events: [{ status: 'label_created', source: 'system', recordedBy: 'Boss' }],
    });
    expect(first.number).toMatch(/^SH-\d{8}-0001$/);
    expect(await onHand(client, tea.id, bin(main, 'A-01'))).toBe(3);
    expect(await reserved(client, tea.id, bin(main, 'A-01'))).toBe(1);
    let now = await client.orders.get({ id: order.id });
    expect(now.fulfilmentStatus).toBe('partially_shipped');
    expect(now.lines.map((l) => [l.fulfilledQuantity, l.reservedQuantity])).toEqual([
      [2, 1],
      [0, 2],
    ]);

    const over = await failure(
      client.shipments.shipOrder({
        orderId: order.id,
        warehouseId: main.id,
        lines: [{ orderLineId: teaLine.id, quantity: 2 }],
        ...carrier('pickup'),
      }),
    );
    expect(fieldIssues(over)).toEqual([{ path: 'lines.0.quantity', message: expect.stringMatching(/^Only 1 of /) }]);

    // The rest goes from the other warehouse: what was held in MAIN is let go, NORTH's bins give it.
    const second = await client.shipments.shipOrder({
      orderId: order.id,
      warehouseId: north.id,
      lines: [
        { orderLineId: teaLine.id, quantity: 1 },
        { orderLineId: cupLine.id, quantity: 2 },
      ],
      ...carrier('china_post'),
      trackingNumber: EMS_OK,
    });
    expect(second).toMatchObject({ warehouseCode: 'NORTH', units: 3, trackingVerified: true });
    expect(await onHand(client, tea.id, bin(north, 'B-01'))).toBe(4);
    expect(await onHand(client, cup.id, bin(north, 'B-01'))).toBe(3);
    expect(await reserved(client, tea.id, bin(main, 'A-01'))).toBe(0);
    expect(await reserved(client, cup.id, bin(main, 'A-02'))).toBe(0);
    expect(await onHand(client, cup.id, bin(main, 'A-02'))).toBe(5);

    now = await client.orders.get({ id: order.id });
    expect(now.fulfilmentStatus).toBe('shipped');
    expect(now.lines.map((l) => l.fulfilledQuantity)).toEqual([3, 2]);
    const parcels = await client.shipments.list({ orderId: order.id });
    expect(parcels.total).toBe(2);
    expect(parcels.rows.reduce((sum, row) => sum + row.units, 0)).toBe(5);
    const timeline = await client.orders.timeline({ id: order.id });
    expect(timeline.filter((e) => e.kind === 'shipped').map((e) => e.details)).toEqual([
      expect.objectContaining({ number: first.number, carrier: 'UPS', trackingNumber: UPS_OK, units: 2 }),
      expect.objectContaining({ number: second.number, carrier: 'China Post / EMS', units: 3 }),
    ]);
    const check = await client.stock.verify({});
    expect(check.binDriftCount).toBe(0);
  });

  it('checks numbers by the carrier: domestic patterns are hints, skipping is explicit, pickup needs none', async () => {
    const { client, main, carrier, order, teaLine, cupLine } = await shop();
    const ship = (lines: Array<{ orderLineId: string; quantity: number }>, extra: object) =>
      client.shipments.shipOrder({ orderId: order.id, warehouseId: main.id, lines, ...extra } as never);

    const missing = await failure(ship([{ orderLineId: teaLine.id, quantity: 1 }], carrier('sf')));
    expect(fieldIssues(missing)).toEqual([{ path: 'trackingNumber', message: 'SF Express needs a tracking number' }]);
    const sf = await ship([{ orderLineId: teaLine.id, quantity: 1 }], { ...carrier('sf'), trackingNumber: 'AB-12' });
    expect(sf).toMatchObject({ trackingNumber: 'AB-12', trackingVerified: false });
    const skipped = await ship([{ orderLineId: teaLine.id, quantity: 1 }], {
      ...carrier('ups'),
      trackingNumber: 'HANDWRITTEN-7',
      skipTrackingCheck: true,
    });
    expect(skipped).toMatchObject({ trackingNumber: 'HANDWRITTEN-7', trackingVerified: false });
    const again = await failure(
      ship([{ orderLineId: teaLine.id, quantity: 1 }], {
        ...carrier('ups'),
        trackingNumber: 'HANDWRITTEN-7',
        skipTrackingCheck: true,
      }),
    );
    expect(fieldIssues(again)).toEqual([
      { path: 'trackingNumber', message: `This tracking number is already on shipment ${skipped.number}` },
    ]);
    const pickup = await ship([{ orderLineId: cupLine.id, quantity: 2 }], carrier('pickup'));
    expect(pickup).toMatchObject({ trackingNumber: null, trackingUrl: null, carrierName: 'Customer pickup' });

    const wrongService = await failure(
      ship([{ orderLineId: teaLine.id, quantity: 1 }], {
        carrierId: carrier('ups').carrierId,
        serviceId: carrier('sf').serviceId,
      }),
    );
    expect(fieldIssues(wrongService)).toEqual([{ path: 'serviceId', message: "Choose one of UPS's services" }]);
    const draft = await client.orders.create({ lines: [{ productId: order.lines[0].productId!, quantity: 1 }] });
    const notConfirmed = await failure(
      client.shipments.shipOrder({
        orderId: draft.id,
        warehouseId: main.id,
        lines: [{ orderLineId: draft.lines[0].id, quantity: 1 }],
        ...carrier('pickup'),
      }),
    );
    expect(notConfirmed.code).toBe('INVALID_STATE');
  });
});

describe('shipping a packed parcel', () => {
  it('hands a parcel from the pack station to its carrier, and refuses one still being packed', async () => {
    const { app, client, main, tea, carrier, order, teaLine } = await shop();
    const now = new Date().toISOString();
    const packed = (id: string, number: string, stage: 'packing' | 'packed') =>
      app.handle.db
        .insertInto('shipments')
        .values({
          id,
          number,
          order_id: order.id,
          warehouse_id: main.id,
          stage,
          weight_grams: 900,
          promised_date: null,
          packed_at: stage === 'packed' ? now : null,
          created_at: now,
          updated_at: now,
        })
        .execute()
        .then(() =>
          app.handle.db
            .insertInto('shipment_lines')
            .values({ id: `${id}-l`, shipment_id: id, order_line_id: teaLine.id, product_id: tea.id, quantity: 1 })
            .execute(),
        );
    await packed('p-1', 'SH-PACKED-1', 'packed');
    await packed('p-2', 'SH-PACKING-2', 'packing');

    const still = await failure(
      client.shipments.ship({ id: 'SH-PACKING-2', ...carrier('ups'), trackingNumber: UPS_OK }),
    );
    expect(still.code).toBe('INVALID_STATE');
    const shipped = await client.shipments.ship({ id: 'SH-PACKED-1', ...carrier('ups'), trackingNumber: UPS_OK });
    expect(shipped).toMatchObject({
      stage: 'shipped',
      weightGrams: 900,
      trackingStatus: 'label_created',
      promisedDate: '2026-01-05',
      lines: [{ orderLineId: teaLine.id, quantity: 1 }],
    });
    expect(await onHand(client, tea.id, bin(main, 'A-01'))).toBe(4);
    expect(await reserved(client, tea.id, bin(main, 'A-01'))).toBe(2);
    // One unit shipped, one in the parcel still being packed: one of three is left to ship directly.
    const over = await failure(
      client.shipments.shipOrder({
        orderId: order.id,
        warehouseId: main.id,
        lines: [{ orderLineId: teaLine.id, quantity: 2 }],
        ...carrier('pickup'),
      }),
    );
    expect(fieldIssues(over)).toEqual([{ path: 'lines.0.quantity', message: expect.stringMatching(/^Only 1 of /) }]);
    expect((await client.orders.get({ id: order.id })).fulfilmentStatus).toBe('partially_shipped');
  });

  it('refuses to ship from a warehouse short of stock, and changes nothing', async () => {
    const { client, carrier, order, cupLine, cup } = await shop();
    const empty = await client.warehouses.create({ code: 'EMPTY', name: 'Empty' });
    const short = await failure(
      client.shipments.shipOrder({
        orderId: order.id,
        warehouseId: empty.id,
        lines: [{ orderLineId: cupLine.id, quantity: 2 }],
        ...carrier('ups'),
        trackingNumber: UPS_OK,
      }),
    );
    expect(short.code).toBe('INSUFFICIENT_STOCK');
    expect((await client.shipments.list({})).total).toBe(0);
    const after = await client.orders.get({ id: order.id });
    expect(after.lines[1]).toMatchObject({ reservedQuantity: 2, fulfilledQuantity: 0 });
    expect((await client.stock.levels({ productId: cup.id })).reduce((sum, l) => sum + l.onHand, 0)).toBe(10);
  });
});

describe('tracking events', () => {
  it('derives the status from late and out-of-order events, skips repeats, and delivers the order', async () => {
    const { client, main, carrier, order, teaLine, cupLine } = await shop();
    const first = await client.shipments.shipOrder({
      orderId: order.id,
      warehouseId: main.id,
      lines: [{ orderLineId: teaLine.id, quantity: 3 }],
      ...carrier('ups'),
      trackingNumber: UPS_OK,
    });
    const second = await client.shipments.shipOrder({
      orderId: order.id,
      warehouseId: main.id,
      lines: [{ orderLineId: cupLine.id, quantity: 2 }],
      ...carrier('local'),
    });

    const out = await client.shipments.addEvents({
      id: UPS_OK,
      events: [
        { status: 'out_for_delivery', occurredAt: cst(5), location: 'Shanghai', externalId: 'e3' },
        { status: 'picked_up', occurredAt: utc(1), externalId: 'e1' },
      ],
    });
    expect(out).toMatchObject({ added: 2, duplicates: 0, shipment: { trackingStatus: 'out_for_delivery' } });
    // A late "in transit" from before arrives now: the parcel does not go back.
    const late = await client.shipments.addEvents({
      id: first.number,
      events: [
        { status: 'in_transit', occurredAt: utc(3), externalId: 'e2' },
        { status: 'picked_up', occurredAt: utc(1), externalId: 'e1' },
      ],
    });
    expect(late).toMatchObject({
      added: 1,
      duplicates: 1,
      shipment: { trackingStatus: 'out_for_delivery', voidable: false },
    });
    expect(late.shipment.events.map((e) => e.status)).toEqual([
      'label_created',
      'picked_up',
      'in_transit',
      'out_for_delivery',
    ]);
    expect(late.shipment.events[3]).toMatchObject({ occurredAt: utc(5), location: 'Shanghai' });

    const exception = await client.shipments.addEvents({
      id: first.id,
      source: 'manual',
      events: [{ status: 'exception', occurredAt: utc(6), description: 'Address unclear' }],
    });
    expect(exception.shipment.trackingStatus).toBe('exception');
    const delivered = await client.shipments.addEvents({
      id: first.id,
      events: [{ status: 'delivered', occurredAt: utc(8) }],
    });
    expect(delivered.shipment).toMatchObject({ trackingStatus: 'delivered', deliveredAt: utc(8), late: false });
    expect((await client.orders.get({ id: order.id })).fulfilmentStatus).toBe('shipped');

    await client.shipments.addEvents({
      id: second.id,
      events: [{ status: 'delivered', occurredAt: cst(9) }],
    });
    expect((await client.orders.get({ id: order.id })).fulfilmentStatus).toBe('delivered');
    const lateOnly = await client.shipments.list({ late: true });
    expect(lateOnly.total).toBe(0);
    expect((await client.shipments.list({ q: UPS_OK.slice(0, 8).toLowerCase() })).rows.map((r) => r.id)).toEqual([
      first.id,
    ]);
    expect((await client.shipments.list({ q: order.number })).total).toBe(2);
  });

  it('reads a carrier status file: dry run with problems by line, then one commit, and nothing twice', async () => {
    const { client, main, carrier, order, teaLine } = await shop();
    const shipped = await client.shipments.shipOrder({
      orderId: order.id,
      warehouseId: main.id,
      lines: [{ orderLineId: teaLine.id, quantity: 1 }],
      ...carrier('sf'),
      trackingNumber: 'SF1234567890123',
    });
    const broken = [
      '运单号,状态,时间,地点,描述',
      `SF1234567890123,已揽收,${csvTime(1)},深圳,快件已揽收`,
      `SF1234567890123,派送中,${csvTime(4)},上海,`,
      `SF0000000000000,已签收,${csvTime(5)},上海,`,
      `SF1234567890123,丢了,${csvTime(5)},上海,`,
      `SF1234567890123,in transit,${csvTime(2).slice(0, 16)},上海,`,
    ].join('\n');
    const dry = await client.shipments.importEvents({ text: broken });
    expect(dry).toMatchObject({ committed: false, rows: 5, toAdd: 2, errors: 3 });
    expect(dry.issues.map((i) => [i.line, i.code])).toEqual([
      [4, 'unknownTrackingNumber'],
      [5, 'badStatus'],
      [6, 'timeWithoutZone'],
    ]);
    expect((await failure(client.shipments.importEvents({ text: broken, commit: true }))).code).toBe('VALIDATION');
    expect((await client.shipments.get({ id: shipped.id })).events).toHaveLength(1);

    const good = [
      'tracking_number,status,time,location,description',
      `SF 1234 5678 90123,picked up,${cst(1)},Shenzhen,`,
      `SF1234567890123,已签收,${cst(6)},上海,本人签收`,
      `SF1234567890123,运输中,${utc(3)},杭州,`,
    ].join('\r\n');
    const base64 = Buffer.from(good, 'utf8').toString('base64');
    const committed = await client.shipments.importEvents({ base64, fileName: 'sf.csv', commit: true });
    expect(committed).toMatchObject({ committed: true, toAdd: 3, shipments: 1, errors: 0 });
    const after = await client.shipments.get({ id: shipped.id });
    expect(after).toMatchObject({ trackingStatus: 'delivered', deliveredAt: utc(6) });
    expect(after.events.filter((e) => e.source === 'csv')).toHaveLength(3);
    const again = await client.shipments.importEvents({ base64, commit: true });
    expect(again).toMatchObject({ toAdd: 0, duplicates: 3 });
    expect((await client.shipments.get({ id: shipped.id })).events).toHaveLength(4);
  });

  it('takes events over HTTP by tracking number, and lists and reads shipments there', async () => {
    const { app, client, main, carrier, order, teaLine } = await shop();
    await client.shipments.shipOrder({
      orderId: order.id,
      warehouseId: main.id,
      lines: [{ orderLineId: teaLine.id, quantity: 1 }],
      ...carrier('ups'),
      trackingNumber: UPS_OK,
    });
    const server = createHttpServer({
      router: app.router,
      version: '1',
      rendererDir: app.folder,
      log: () => undefined,
    });
    const address: AddressInfo = await listen(server, 0, '127.0.0.1');
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`http://127.0.0.1:${address.port}/api${path}`, {
        method,
        headers: { authorization: 'Bearer server-token', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const posted = await call('POST', `/shipments/${UPS_OK}/events`, {
      events: [{ status: 'in_transit', occurredAt: utc(2), location: 'Louisville, KY', externalId: 'ups-1' }],
    });
    expect(posted.status).toBe(200);
    expect(posted.body).toMatchObject({ added: 1, shipment: { trackingStatus: 'in_transit' } });
    const noZone = await call('POST', `/shipments/${UPS_OK}/events`, {
      events: [{ status: 'delivered', occurredAt: '2026-11-20T10:00:00' }],
    });
    expect(noZone.status).toBe(422);
    expect(
      (
        await call('POST', '/shipments/1Z000/events', {
          events: [{ status: 'delivered', occurredAt: '2026-11-20T10:00:00Z' }],
        })
      ).status,
    ).toBe(404);
    const listed = await call('GET', '/shipments?late=true&q=1Z999');
    expect(listed.body).toMatchObject({ total: 1, rows: [{ trackingNumber: UPS_OK, late: true }] });
    const read = await call('GET', `/shipments/${UPS_OK}`);
    expect(read.body).toMatchObject({
      trackingStatus: 'in_transit',
      events: [{ status: 'label_created' }, { externalId: 'ups-1' }],
    });
  });
});

describe('voiding a shipment', () => {
  it('puts the units back in their bins and holds them for the order again, only before pickup', async () => {
    const { client, main, tea, carrier, order, teaLine } = await shop();
    const parcel = await client.shipments.shipOrder({
      orderId: order.id,
      warehouseId: main.id,
      lines: [{ orderLineId: teaLine.id, quantity: 3 }],
      ...carrier('ups'),
      trackingNumber: UPS_OK,
    });
    expect(await onHand(client, tea.id, bin(main, 'A-01'))).toBe(2);
    const voided = await client.shipments.void({ id: parcel.id, reason: 'Wrong box' });
    expect(voided).toMatchObject({ stage: 'cancelled', voidable: false });
    expect(await onHand(client, tea.id, bin(main, 'A-01'))).toBe(5);
    expect(await reserved(client, tea.id, bin(main, 'A-01'))).toBe(3);
    const after = await client.orders.get({ id: order.id });
    expect(after.fulfilmentStatus).toBe('unfulfilled');
    expect(after.lines[0]).toMatchObject({ fulfilledQuantity: 0, reservedQuantity: 3 });
    const movements = await client.stock.movements({ productId: tea.id });
    expect(movements.filter((m) => m.kind === 'return')).toEqual([
      expect.objectContaining({ onHandDelta: 3, referenceType: 'shipment', referenceId: parcel.id }),
    ]);
    expect((await client.stock.verify({})).binDriftCount).toBe(0);
    expect((await client.orders.timeline({ id: order.id })).map((e) => e.kind)).toContain('shipment_voided');

    // Shipped again, the same number is free; once picked up it can no longer be voided.
    const again = await client.shipments.shipOrder({
      orderId: order.id,
      warehouseId: main.id,
      lines: [{ orderLineId: teaLine.id, quantity: 3 }],
      ...carrier('ups'),
      trackingNumber: UPS_OK,
    });
    await client.shipments.addEvents({
      id: UPS_OK,
      events: [{ status: 'picked_up', occurredAt: new Date().toISOString() }],
    });
    const refused = await failure(client.shipments.void({ id: again.id }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(
      (
        await failure(
          client.shipments.addEvents({
            id: parcel.id,
            events: [{ status: 'delivered', occurredAt: new Date().toISOString() }],
          }),
        )
      ).code,
    ).toBe('INVALID_STATE');
  });
});
