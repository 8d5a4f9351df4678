import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHttpServer, listen } from '../../src/main/http/server';
import { rateParcel, type RatedService } from '../../src/shared/shipping/rate-engine';
import { product } from '../helpers/shop';
import { failure, startTestApp } from '../helpers/test-app';

const HANGZHOU = {
  kind: 'shipping' as const,
  recipient: '陈静',
  phone: '139 0571 0000',
  line1: '文三路 90 号',
  city: '杭州',
  region: '浙江省',
  postalCode: '310012',
  country: 'CN',
  isDefault: true,
};

// Friday 27 November 2026, 10:00 on this computer's clock: before every cut-off.
const FRIDAY_MORNING = new Date(2026, 10, 27, 10, 0).toISOString();

async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  await client.warehouses.create({ code: 'MAIN', name: 'Main' });
  const tea = await product(client, {
    unitPrice: 1000,
    weightGrams: 600,
    lengthMm: 200,
    widthMm: 100,
    heightMm: 100,
  });
  const { customer } = await client.customers.create({ name: '陈静', addresses: [HANGZHOU] });
  const order = await client.orders.create({
    customerId: customer.id,
    promisedDate: '2026-11-29',
    lines: [{ productId: tea.id, quantity: 2 }],
    shipping: { method: 'To be chosen', amount: 0 },
  });
  return { app, client, tea, order };
}

describe('carriers and services', () => {
  it('starts with every carrier of the issue, and a price list for every service', async () => {
    const { client } = await shop();
    const carriers = await client.carriers.list({});
    expect(carriers.map((c) => c.code)).toEqual([
      'sf',
      'china_post',
      'jd',
      'zto',
      'yto',
      'ups',
      'fedex',
      'dhl',
      'usps',
      'local',
      'pickup',
    ]);
    const services = carriers.flatMap((c) => c.services);
    expect(services.filter((s) => s.ruleCount === 0).map((s) => s.code)).toEqual([]);
    expect(services.find((s) => s.code === 'usps_priority')).toMatchObject({
      originCountry: 'US',
      transitCalendar: 'working',
    });
  });

  it('lets managers edit carriers and services, and no one else', async () => {
    const { app, client } = await shop();
    const [sf] = await client.carriers.list({});
    const renamed = await client.carriers.update({
      id: sf.id,
      name: '顺丰速运',
      trackingUrl: 'https://sf.example/?n=%s',
    });
    expect(renamed).toMatchObject({ name: '顺丰速运', trackingUrl: 'https://sf.example/?n=%s' });
    const badUrl = await failure(client.carriers.update({ id: sf.id, trackingUrl: 'https://sf.example/' }));
    expect(badUrl.code).toBe('VALIDATION');
    const sameDay = await client.carriers.createService({
      carrierId: sf.id,
      code: 'sf_same_day',
      name: 'SF Same Day',
      cutoffHour: 11,
      volumetricDivisor: 6000,
    });
    expect(sameDay).toMatchObject({ code: 'sf_same_day', cutoffHour: 11, transitCalendar: 'calendar', ruleCount: 0 });
    const taken = await failure(
      client.carriers.createService({ carrierId: sf.id, code: 'sf_same_day', name: 'Again' }),
    );
    expect(taken.code).toBe('CONFLICT');
    expect((await client.carriers.updateService({ id: sameDay.id, active: false })).active).toBe(false);

    await client.users.create({ username: 'clerk', displayName: 'Clerk', role: 'clerk', secret: '2468' });
    const clerk = (await app.signIn('clerk', '2468')).client;
    expect((await failure(clerk.carriers.update({ id: sf.id, active: false }))).code).toBe('FORBIDDEN');
    expect((await clerk.carriers.list({}))[0].active).toBe(true);
  });
});

describe('rates for an order', () => {
  it('prices every eligible service from the seeded rules, and picks the cheapest on time', async () => {
    const { client, order } = await shop();
    const quote = await client.rates.quoteOrder({ orderId: order.number, readyAt: FRIDAY_MORNING });
    // Two teas: 2 × 600 g = 1,200 g; box 200 × 160 × 160 mm (see the parcel estimate's test).
    expect(quote.parcel).toMatchObject({
      weightGrams: 1200,
      lengthMm: 200,
      widthMm: 160,
      heightMm: 160,
      estimated: true,
    });
    expect(quote.place).toEqual({ country: 'CN', region: 'ZJ', postcode: '310012' });
    expect(quote.orderValue).toBe(2000);
    // Zhejiang is a neighbouring province of Shanghai. 1.2 kg = the first kilogram + 1 started kilogram:
    // SF ¥13 + ¥2; SF Economy ¥11 + ¥1.50; EMS ¥18 + ¥6; China Post ¥9 + ¥3; JD ¥12 + ¥3; ZTO ¥6 + ¥1.50; YTO ¥5.50 + ¥1.50.
    // Collected Friday 27th; latest arrival = 27th + the most transit days (calendar days).
    expect(quote.options.map((o) => [o.serviceCode, o.price, o.deliveryLatest])).toEqual([
      ['sf_express', 1500, '2026-11-29'],
      ['sf_economy', 1250, '2026-11-30'],
      ['ems', 2400, '2026-11-30'],
      ['china_post_parcel', 1200, '2026-12-02'],
      ['jd_standard', 1500, '2026-11-29'],
      ['zto_standard', 750, '2026-11-30'],
      ['yto_standard', 700, '2026-11-30'],
    ]);
    expect(new Set(quote.ineligible.map((i) => i.reason))).toEqual(new Set(['no_zone', 'origin']));
    // Promised for the 29th: SF and JD arrive by then at ¥15.00 each; SF comes first in the list.
    const sf = quote.options[0];
    expect(quote.best).toEqual({
      serviceId: sf.serviceId,
      reason: {
        kind: 'cheapest_on_time',
        promisedDate: '2026-11-29',
        deliveryLatest: '2026-11-29',
        onTimeCount: 2,
        cheaperLateCount: 4,
      },
    });
    expect(quote.chosenServiceId).toBeNull();

    // Within ¥10.00: ZTO and YTO, both by the 30th at the latest; ZTO may come on the 28th.
    const budget = await client.rates.quoteOrder({
      orderId: order.id,
      goal: 'fastest_within_budget',
      budget: 1000,
      readyAt: FRIDAY_MORNING,
    });
    const zto = quote.options.find((o) => o.serviceCode === 'zto_standard');
    expect(budget.best).toEqual({
      serviceId: zto?.serviceId,
      reason: {
        kind: 'fastest_in_budget',
        budget: 1000,
        deliveryLatest: '2026-11-30',
        withinCount: 2,
        fasterOverBudgetCount: 2,
      },
    });
    const noBudget = await failure(client.rates.quoteOrder({ orderId: order.id, goal: 'fastest_within_budget' }));
    expect(noBudget.details).toMatchObject({ issues: [{ path: 'budget' }] });
  });

  it('rates a parcel as packed when its weight and size are given', async () => {
    const { client, order } = await shop();
    // 4 kg in 600 × 400 × 400 mm: ZTO weighs it at 96,000,000 ÷ 8,000 = 12,000 g → ¥6 + 11 × ¥1.50 = ¥22.50.
    const quote = await client.rates.quoteOrder({
      orderId: order.id,
      package: { weightGrams: 4000, lengthMm: 600, widthMm: 400, heightMm: 400 },
      readyAt: FRIDAY_MORNING,
    });
    expect(quote.options.find((o) => o.serviceCode === 'zto_standard')).toMatchObject({
      billableGrams: 12_000,
      price: 2250,
    });
    expect(quote.parcel.estimated).toBe(false);
  });

  it('uses the chosen service: shipping method, and the charge when asked, through the order edit', async () => {
    const { client, order } = await shop();
    const quote = await client.rates.quoteOrder({ orderId: order.id, readyAt: FRIDAY_MORNING });
    const zto = quote.options.find((o) => o.serviceCode === 'zto_standard');
    const chosen = await client.rates.chooseForOrder({
      orderId: order.number,
      serviceId: zto?.serviceId ?? '',
      setCharge: true,
    });
    expect(chosen).toMatchObject({
      shippingMethod: 'ZTO Standard',
      shippingAmount: 750,
      shippingTotal: 750,
      grandTotal: 2750,
      carrierServiceId: zto?.serviceId,
      shippingAddress: { city: '杭州' },
    });
    expect((await client.rates.quoteOrder({ orderId: order.id })).chosenServiceId).toBe(zto?.serviceId);
    const methodOnly = await client.rates.chooseForOrder({ orderId: order.id, serviceId: quote.options[0].serviceId });
    expect(methodOnly).toMatchObject({ shippingMethod: 'SF Standard Express', shippingAmount: 750 });

    await client.orders.update({ id: order.id, notes: 'Leave at the door' });
    expect((await client.rates.quoteOrder({ orderId: order.id })).chosenServiceId).toBe(quote.options[0].serviceId);
    await client.orders.update({ id: order.id, shipping: { method: 'Courier from the market', amount: 500 } });
    expect((await client.rates.quoteOrder({ orderId: order.id })).chosenServiceId).toBeNull();
    await client.rates.chooseForOrder({ orderId: order.id, serviceId: quote.options[0].serviceId, setCharge: true });

    const dhl = quote.ineligible.find((i) => i.serviceName === 'DHL Express Worldwide');
    const wrong = await failure(client.rates.chooseForOrder({ orderId: order.id, serviceId: dhl?.serviceId ?? '' }));
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.details).toMatchObject({ issues: [{ path: 'serviceId' }] });

    await client.orders.cancel({ id: order.id });
    const late = await failure(
      client.rates.chooseForOrder({ orderId: order.id, serviceId: zto?.serviceId ?? '', setCharge: true }),
    );
    expect(late.code).toBe('INVALID_STATE');
    expect(await client.orders.get({ id: order.id })).toMatchObject({
      shippingMethod: 'SF Standard Express',
      grandTotal: 3500,
    });
  });

  it('refuses an order that does not ship', async () => {
    const { client, tea } = await shop();
    const handedOver = await client.orders.create({ lines: [{ productId: tea.id, quantity: 1 }] });
    expect((await failure(client.rates.quoteOrder({ orderId: handedOver.id }))).code).toBe('INVALID_STATE');
  });

  it('rates a free-form parcel for other systems', async () => {
    const { client } = await shop();
    // 1.8 kg to New York, ready Friday 10:00: DHL ¥180 + ceil(1.3 / 0.5) = 3 × ¥45 = ¥315.00,
    // collected Friday (before 16:00), 2–4 working days → Tuesday 1 to Thursday 3 December.
    const quote = await client.rates.quote({
      package: { weightGrams: 1800 },
      destination: { country: 'us', region: 'NY', city: 'New York', postalCode: '10001' },
      readyAt: FRIDAY_MORNING,
    });
    expect(quote.options.find((o) => o.serviceCode === 'dhl_express_worldwide')).toMatchObject({
      price: 31_500,
      collectionDate: '2026-11-27',
      deliveryEarliest: '2026-12-01',
      deliveryLatest: '2026-12-03',
    });
    expect(quote.options.map((o) => o.serviceCode)).not.toContain('usps_priority');
  });
});

describe('rate rules', () => {
  it('are edited by managers, refused when they clash, and the next quote follows', async () => {
    const { app, client, order } = await shop();
    const carriers = await client.carriers.list({});
    const zto = carriers.flatMap((c) => c.services).find((s) => s.code === 'zto_standard');
    const rules = await client.rates.listRules({ serviceId: zto?.id ?? '' });
    const near = rules.find((r) => r.zoneName === 'Neighbouring provinces');
    if (!near) throw new Error('no seeded rule for neighbouring provinces');
    const { id, serviceId, ...fields } = near;
    expect(serviceId).toBe(zto?.id);

    const clash = await failure(
      client.rates.createRule({
        ...fields,
        serviceId,
        zoneName: 'Zhejiang',
        zone: { countries: ['CN'], regions: ['ZJ'] },
      }),
    );
    expect(clash.code).toBe('CONFLICT');
    expect(clash.details).toMatchObject({ clashesWith: id, issues: [{ path: 'zone' }] });
    const backwards = await failure(
      client.rates.updateRule({ ...fields, id, minWeightGrams: 5000, maxWeightGrams: 1000 }),
    );
    expect(backwards.details).toMatchObject({ issues: [{ path: 'maxWeightGrams' }] });

    await client.rates.updateRule({ ...fields, id, basePrice: 900 });
    const requoted = await client.rates.quoteOrder({ orderId: order.id });
    expect(requoted.options.find((o) => o.serviceId === serviceId)?.price).toBe(900 + 150);

    await client.users.create({ username: 'clerk', displayName: 'Clerk', role: 'clerk', secret: '2468' });
    const clerk = (await app.signIn('clerk', '2468')).client;
    expect((await failure(clerk.rates.deleteRule({ id }))).code).toBe('FORBIDDEN');

    await client.rates.deleteRule({ id });
    // Zhejiang now falls to the wider zone: rest of China, ¥8 + 1 × ¥4.
    const without = await client.rates.quoteOrder({ orderId: order.id });
    expect(without.options.find((o) => o.serviceId === serviceId)).toMatchObject({
      zoneName: 'Rest of mainland China',
      price: 1200,
    });
    expect((await failure(client.rates.deleteRule({ id }))).code).toBe('NOT_FOUND');
  });

  it('never charge less for a heavier parcel in any seeded service and zone, across brackets too', async () => {
    const { client } = await shop();
    const carriers = await client.carriers.list({});
    const services: RatedService[] = [];
    for (const carrier of carriers) {
      for (const service of carrier.services) {
        services.push({
          ...service,
          carrierName: carrier.name,
          rules: await client.rates.listRules({ serviceId: service.id }),
        });
      }
    }
    for (const service of services) {
      for (const rule of service.rules) {
        const destination = {
          country: rule.zone.countries[0],
          region: rule.zone.regions[0] ?? '',
          city: '',
          postalCode: rule.zone.postcodePrefixes[0] ? rule.zone.postcodePrefixes[0].padEnd(5, '1') : '',
        };
        const limit = Math.max(...service.rules.map((r) => r.maxWeightGrams ?? r.minWeightGrams + 10_000));
        let previous = 0;
        let priced = 0;
        for (let grams = 1; grams <= limit; grams += grams < 2000 ? 7 : 250) {
          const [option] = rateParcel({
            originCountry: service.originCountry || 'CN',
            parcel: { weightGrams: grams, lengthMm: null, widthMm: null, heightMm: null },
            destination,
            orderValue: 0,
            ready: { date: '2026-11-27', hour: 9 },
            services: [service],
          }).options;
          if (!option) continue;
          expect(option.price, `${service.code} ${rule.zoneName} at ${grams} g`).toBeGreaterThanOrEqual(previous);
          previous = option.price;
          priced += 1;
        }
        expect(priced, `${service.code} ${rule.zoneName}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('rates over the readable HTTP routes', () => {
  it('quotes a parcel, quotes and ships an order, edits a rule', async () => {
    const app = await startTestApp({ serverToken: 'server-token' });
    await app.setUpOwner();
    const client = app.clientWith('server-token');
    await client.warehouses.create({ code: 'MAIN', name: 'Main' });
    const tea = await product(client, { unitPrice: 1000, weightGrams: 600 });
    const { customer } = await client.customers.create({ name: '陈静', addresses: [HANGZHOU] });
    const order = await client.orders.create({
      customerId: customer.id,
      lines: [{ productId: tea.id, quantity: 2 }],
      shipping: { method: 'To be chosen', amount: 0 },
    });
    const server = createHttpServer({
      router: app.router,
      version: '1',
      rendererDir: app.folder,
      log: () => undefined,
    });
    const address: AddressInfo = await listen(server, 0, '127.0.0.1');
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const call = async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`http://127.0.0.1:${address.port}/api${path}`, {
        method,
        headers: { authorization: 'Bearer server-token', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    };
    type Quote = { options: Array<{ serviceId: string; serviceCode: string; price: number }> };

    // 500 g to Beijing (rest of China) by ZTO: the first kilogram, ¥8.00.
    const parcel = await call<Quote>('POST', '/rates/quote', {
      package: { weightGrams: 500 },
      destination: { country: 'CN', region: '北京市', city: '北京' },
    });
    expect(parcel.status).toBe(200);
    expect(parcel.body.options.find((o) => o.serviceCode === 'zto_standard')?.price).toBe(800);

    const quoted = await call<Quote>('POST', `/orders/${order.number}/rates`, {});
    const yto = quoted.body.options.find((o) => o.serviceCode === 'yto_standard');
    expect(yto?.price).toBe(700);
    const shipped = await call<{ shippingMethod: string; shippingAmount: number }>(
      'POST',
      `/orders/${order.number}/shipping-service`,
      { serviceId: yto?.serviceId, setCharge: true },
    );
    expect(shipped.body).toMatchObject({ shippingMethod: 'YTO Standard', shippingAmount: 700 });

    const carriers = await call<Array<{ services: Array<{ id: string; code: string }> }>>('GET', '/carriers');
    const ytoService = carriers.body.flatMap((c) => c.services).find((s) => s.code === 'yto_standard');
    const rules = await call<Array<{ id: string; zoneName: string }>>(
      'GET',
      `/carrier-services/${ytoService?.id}/rates`,
    );
    const near = rules.body.find((r) => r.zoneName === 'Neighbouring provinces');
    const { id, ...fields } = near as Record<string, unknown> & { id: string };
    const edited = await call<{ basePrice: number }>('PUT', `/rate-rules/${id}`, { ...fields, basePrice: 600 });
    expect(edited.body.basePrice).toBe(600);
    expect((await call('DELETE', `/rate-rules/${id}`)).status).toBe(200);
  });
});
