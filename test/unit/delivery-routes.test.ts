import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/shared/client';
import type { DeliveryStop, RoutePlan } from '../../src/shared/domain/delivery-routes';
import { minutesOfDay } from '../../src/shared/domain/delivery-routes';
import { greatCircleMetres } from '../../src/main/services/routes/solver/distances';
import { failure, startTestApp } from '../helpers/test-app';
import { product, warehouseWithBins } from '../helpers/shop';

const DATE = '2026-12-02';
const DEPOT = { latitude: 31.2304, longitude: 121.4737 };

/** Eight stops around central Shanghai, one with a morning window, as a CSV export would give them. */
const STOPS_CSV = [
  'name,address,latitude,longitude,weight_kg,volume_l,window_start,window_end,service_minutes,notes',
  '"Li Lei","1 Nanjing Rd, Shanghai",31.2397,121.4998,120,200,,,5,',
  'Han Meimei,88 Huaihai Rd,31.2165,121.4590,80,150,09:00,10:30,10,ring twice',
  'Zhang Wei,5 Century Ave,31.2352,121.5055,200,300,,,5,',
  'Wang Fang,12 Xujiahui,31.1955,121.4366,150,250,,,5,',
  'Chen Jie,7 Zhongshan Park,31.2231,121.4208,90,120,,,5,',
  'Liu Yang,3 Lujiazui,31.2400,121.5120,60,80,,,5,',
  'Zhao Min,9 Jingan Temple,31.2237,121.4457,110,160,,,5,',
  'Sun Li,21 Hongkou,31.2647,121.4918,130,210,,,5,',
].join('\n');

async function deliveryShop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  const warehouse = await warehouseWithBins(client);
  const day = { warehouseId: warehouse.id, date: DATE };
  const van = await client.routes.saveVehicle({ name: 'Van 1', capacityGrams: 500_000, startTime: '08:00' });
  const bike = await client.routes.saveVehicle({ name: 'Van 2', capacityGrams: 500_000, capacityCm3: 800_000 });
  return { app, client, warehouse, day, van, bike };
}

/** Checks a stored plan against the stops: each placed stop once, capacity, windows, distances. */
function expectValidPlan(plan: RoutePlan, stops: DeliveryStop[], capacityGrams: number) {
  const byId = new Map(stops.map((s) => [s.id, s]));
  const visited = plan.routes.flatMap((r) => r.stops.map((s) => s.stopId));
  const leftOut = plan.leftOut.map((l) => l.stopId);
  expect(new Set([...visited, ...leftOut]).size).toBe(stops.length);
  expect(visited.length + leftOut.length).toBe(stops.length);
  let total = 0;
  for (const route of plan.routes) {
    const load = route.stops.reduce((sum, s) => sum + (byId.get(s.stopId) as DeliveryStop).weightGrams, 0);
    expect(route.loadGrams).toBe(load);
    expect(load).toBeLessThanOrEqual(capacityGrams);
    expect(route.stops.map((s) => s.sequence)).toEqual(route.stops.map((_, i) => i + 1));
    let previous = { lat: DEPOT.latitude, lng: DEPOT.longitude };
    let legs = 0;
    for (const planned of route.stops) {
      const stop = byId.get(planned.stopId) as DeliveryStop;
      const here = { lat: stop.latitude as number, lng: stop.longitude as number };
      expect(Math.abs(planned.distanceMetres - greatCircleMetres(previous, here))).toBeLessThanOrEqual(1);
      legs += planned.distanceMetres;
      previous = here;
      if (stop.windowStart && stop.windowEnd) {
        expect(minutesOfDay(planned.arrivesAt)).toBeGreaterThanOrEqual(minutesOfDay(stop.windowStart));
        expect(minutesOfDay(planned.arrivesAt)).toBeLessThanOrEqual(minutesOfDay(stop.windowEnd));
      }
    }
    legs += Math.round(greatCircleMetres(previous, { lat: DEPOT.latitude, lng: DEPOT.longitude }));
    expect(Math.abs(route.distanceMetres - legs)).toBeLessThanOrEqual(1);
    total += route.distanceMetres;
  }
  expect(plan.distanceMetres).toBe(total);
}

async function planned(client: Client, day: { warehouseId: string; date: string }, vehicleIds: string[]) {
  return client.routes.plan({ ...day, vehicleIds, timeBudgetMs: 500, averageSpeedKmh: 20 });
}

describe('delivery routes', () => {
  it('imports a day of stops, plans two vans within capacity and windows, and keeps the plan', async () => {
    const { client, warehouse, day, van, bike } = await deliveryShop();
    const refused = await failure(planned(client, day, [van.id, bike.id]));
    expect(refused.code).toBe('INVALID_STATE');

    expect(await client.routes.setDepot({ warehouseId: warehouse.id, ...DEPOT })).toMatchObject(DEPOT);
    const { added } = await client.routes.importStops({ ...day, csv: STOPS_CSV });
    expect(added).toHaveLength(8);
    expect(added[1]).toMatchObject({
      name: 'Han Meimei',
      weightGrams: 80_000,
      volumeCm3: 150_000,
      windowStart: '09:00',
      windowEnd: '10:30',
      serviceMinutes: 10,
      notes: 'ring twice',
    });
    const unplaced = await client.routes.addStop({ ...day, stop: { name: 'No map yet', weightGrams: 1000 } });

    // 950 kg against two vans of 500 kg: both are needed.
    const plan = await planned(client, day, [van.id, bike.id]);
    expect(plan.routes).toHaveLength(2);
    expect(plan.leftOut).toEqual([{ stopId: unplaced.id, reason: 'no_coordinates' }]);
    expect(plan.stale).toBe(false);
    const stops = (await client.routes.day(day)).stops;
    expectValidPlan(plan, stops, 500_000);
    expect(plan.routes.flatMap((r) => r.stops).every((s) => minutesOfDay(s.arrivesAt) > minutesOfDay('08:00'))).toBe(
      true,
    );

    const stored = await client.routes.day(day);
    expect(stored.plan).toEqual(plan);
    expect(stored.warehouse).toMatchObject(DEPOT);

    // Changing a stop marks the plan stale; planning again replaces it.
    await client.routes.updateStop({
      id: unplaced.id,
      stop: { name: 'Placed now', latitude: 31.21, longitude: 121.47 },
    });
    expect((await client.routes.day(day)).plan?.stale).toBe(true);
    const again = await planned(client, day, [van.id, bike.id]);
    expect(again.id).not.toBe(plan.id);
    expect(again.leftOut).toEqual([]);
    expectValidPlan(again, (await client.routes.day(day)).stops, 500_000);
    expect((await client.routes.day(day)).plan?.id).toBe(again.id);
  });

  it('leaves out what no van can take, and refuses bad stops and bad CSV rows without adding any', async () => {
    const { client, warehouse, day, van } = await deliveryShop();
    await client.routes.setDepot({ warehouseId: warehouse.id, ...DEPOT });
    const heavy = await client.routes.addStop({
      ...day,
      stop: { name: 'Piano', latitude: 31.22, longitude: 121.48, weightGrams: 900_000 },
    });
    const light = await client.routes.addStop({
      ...day,
      stop: { name: 'Letter', latitude: 31.23, longitude: 121.49, weightGrams: 100 },
    });
    const plan = await planned(client, day, [van.id]);
    expect(plan.leftOut).toEqual([{ stopId: heavy.id, reason: 'no_room' }]);
    expect(plan.routes.map((r) => r.stops.map((s) => s.stopId))).toEqual([[light.id]]);

    // A plan goes stale when a vehicle it used changes, when the depot moves, and when a stop goes.
    await client.routes.saveVehicle({ id: van.id, name: 'Van 1', capacityGrams: 1_000_000, startTime: '08:00' });
    expect((await client.routes.day(day)).plan?.stale).toBe(true);
    const bigger = await planned(client, day, [van.id]);
    expect(bigger.leftOut).toEqual([]);
    await client.routes.setDepot({ warehouseId: warehouse.id, latitude: 31.2, longitude: 121.45 });
    expect((await client.routes.day(day)).plan?.stale).toBe(true);
    await planned(client, day, [van.id]);
    await client.routes.removeStop({ id: heavy.id });
    const afterRemoval = await client.routes.day(day);
    expect(afterRemoval.plan?.stale).toBe(true);
    expect(afterRemoval.plan?.routes.flatMap((r) => r.stops.map((s) => s.stopId))).toEqual([light.id]);
    const taken = await failure(client.routes.saveVehicle({ name: 'Van 2' }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.details).toMatchObject({ issues: [{ path: 'name' }] });

    const halfPlace = await failure(client.routes.addStop({ ...day, stop: { name: 'X', latitude: 31.2 } }));
    expect(halfPlace.code).toBe('VALIDATION');
    expect(halfPlace.details).toMatchObject({ issues: [{ path: 'stop.longitude' }] });
    const backwards = await failure(
      client.routes.addStop({ ...day, stop: { name: 'X', windowStart: '11:00', windowEnd: '10:00' } }),
    );
    expect(backwards.details).toMatchObject({ issues: [{ path: 'stop.windowEnd' }] });

    const bad = await failure(
      client.routes.importStops({
        ...day,
        csv: 'name,latitude,longitude,weight_kg,window_start,window_end\nOk,31.2,121.4,1,,\n,31.2,121.4,abc,9:00,10:00\n',
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    const paths = (bad.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['line 3: weight_kg', 'line 3: name', 'line 3: windowStart']));
    const broken = await failure(client.routes.importStops({ ...day, csv: 'name,address\n"Open quote,1 Road\n' }));
    expect(broken.code).toBe('VALIDATION');
    const noName = await failure(client.routes.importStops({ ...day, csv: 'who,address\nA,1 Road\n' }));
    expect(noName.message).toContain('"name"');
    expect((await client.routes.day(day)).stops).toHaveLength(1);
  });

  it('takes confirmed orders as stops with their weight, and remembers an address’s place', async () => {
    const { client, warehouse, day } = await deliveryShop();
    const tea = await product(client, {
      unitPrice: 1000,
      weightGrams: 250,
      lengthMm: 100,
      widthMm: 100,
      heightMm: 200,
    });
    await client.stock.receive({ productId: tea.id, warehouseId: warehouse.id, quantity: 20 });
    const address = {
      kind: 'shipping' as const,
      recipient: '王芳',
      phone: '13800138000',
      line1: '南京西路 88 号',
      city: '上海',
      country: 'CN',
    };
    const { customer } = await client.customers.create({ name: '王芳', addresses: [address] });
    const order = await client.orders.create({
      customerId: customer.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 4 }],
      shipping: { method: 'Own local delivery', amount: 0 },
    });
    const parcel = await client.orders.create({
      customerId: customer.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 1 }],
      shipping: { method: 'SF Express', amount: 1000 },
    });

    // A service chosen from the rates counts, whatever the method's text says.
    const chosen = await client.orders.create({
      customerId: customer.id,
      confirm: true,
      lines: [{ productId: tea.id, quantity: 1 }],
      shipping: { method: 'Courier', amount: 1000 },
    });
    const carriers = await client.carriers.list({});
    const van = carriers.find((c) => c.kind === 'local')!.services[0]!;
    await client.rates.chooseForOrder({ orderId: chosen.id, serviceId: van.id });
    // Renamed afterwards: the order's method text no longer names it, its chosen service still does.
    await client.carriers.updateService({ id: van.id, name: 'Van' });

    const candidates = await client.routes.orderCandidates(day);
    expect(candidates.map((c) => [c.number, c.local])).toEqual([
      [order.number, true],
      [chosen.number, true],
      [parcel.number, false],
    ]);
    expect(candidates[0]).toMatchObject({ customerName: '王芳', weightGrams: 1000, volumeCm3: 8000, planned: false });

    const { added } = await client.routes.addOrderStops({ ...day, orderIds: [order.id] });
    expect(added[0]).toMatchObject({ orderNumber: order.number, name: '王芳', weightGrams: 1000, latitude: null });
    expect(added[0].address).toContain('南京西路 88 号');
    expect((await client.routes.orderCandidates(day))[0].planned).toBe(true);
    const twice = await failure(client.routes.addOrderStops({ ...day, orderIds: [order.id] }));
    expect(twice.code).toBe('CONFLICT');

    await client.routes.updateStop({
      id: added[0].id,
      stop: { name: '王芳', address: added[0].address, latitude: 31.229, longitude: 121.452, weightGrams: 1000 },
    });
    const nextDay = { ...day, date: '2026-12-03' };
    const { added: again } = await client.routes.addOrderStops({ ...nextDay, orderIds: [parcel.id] });
    expect(again[0]).toMatchObject({ latitude: 31.229, longitude: 121.452 });
  });

  it('serves the day over REST for integrations', async () => {
    const { app, warehouse, day } = await deliveryShop();
    const { createHttpServer, listen } = await import('../../src/main/http/server');
    const server = createHttpServer({ router: app.router, version: 'test', rendererDir: app.folder });
    const address = (await listen(server, 0, '127.0.0.1')) as import('node:net').AddressInfo;
    try {
      const { token } = await app.signIn('boss', '13579');
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const base = `http://127.0.0.1:${address.port}/api`;
      const put = await fetch(`${base}/warehouses/${warehouse.id}/location`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(DEPOT),
      });
      expect(put.status).toBe(200);
      const post = await fetch(`${base}/routes/stops`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...day, stop: { name: 'Shop', latitude: 31.24, longitude: 121.5 } }),
      });
      expect(post.status).toBe(200);
      const got = await fetch(`${base}/routes/days/${DATE}?warehouseId=${warehouse.id}`, { headers });
      const body = (await got.json()) as { stops: DeliveryStop[]; warehouse: { latitude: number } };
      expect(body.stops.map((s) => s.name)).toEqual(['Shop']);
      expect(body.warehouse.latitude).toBe(DEPOT.latitude);
    } finally {
      server.close();
    }
  });
});
