import type { Insertable } from 'kysely';
import type { Discount, PaymentMethod } from '../../shared/domain/orders';
import { paymentStatusOf } from '../../shared/domain/orders';
import type { RoundingMode } from '../../shared/domain/rounding';
import type { TrackingStatus } from '../../shared/domain/shipments';
import type {
  OrderEventsTable,
  OrderLinesTable,
  OrdersTable,
  PaymentsTable,
  ShipmentEventsTable,
  ShipmentLinesTable,
  ShipmentsTable,
} from '../database/schema';
import { priceOrder, type Priced } from '../services/orders/pricing';
import {
  CHANNELS,
  DAY_MS,
  HOURS,
  SHOP_UTC_OFFSET_MS,
  channelWeights,
  promotionOn,
  seasonFactor,
  yearlyFactor,
} from './demand';
import type { Season } from './demo-range';
import { Random, seededUuidV7 } from './random';
import { demoTrackingNumber, VERIFIABLE_SERVICES, type DemoService } from './demo-tracking';

export interface HistoryProduct {
  id: string;
  sku: string;
  name: string;
  price: number;
  taxClass: string;
  rateBasisPoints: number;
  season: Season;
  popularity: number;
  typicalQuantity: number;
}

export interface HistoryCustomer {
  id: string;
  name: string;
  phoneTail: string;
  /** JSON of the order address, as orders keep it. */
  shippingAddress: string | null;
  billingAddress: string | null;
  frequency: number;
  wholesale: boolean;
  abroad: boolean;
  vip: boolean;
}

export interface HistoryOptions {
  orders: number;
  seed: number;
  /** The shop's calendar day the history runs up to (not included), YYYY-MM-DD. */
  today: string;
  days: number;
  products: HistoryProduct[];
  /** The walk-in customer first, then the named ones. */
  walkIn: HistoryCustomer;
  customers: HistoryCustomer[];
  users: { counter: string; manager: string };
  warehouseId: string;
  currency: string;
  pricesIncludeTax: boolean;
  rounding: RoundingMode;
  shippingRateBasisPoints: number;
  /** The seeded carrier services the parcels go with (tables carriers, carrier_services). */
  services: Record<DemoService, { carrierId: string; serviceId: string }>;
}

export interface HistoryRows {
  orders: Insertable<OrdersTable>[];
  lines: Insertable<OrderLinesTable>[];
  payments: Insertable<PaymentsTable>[];
  events: Insertable<OrderEventsTable>[];
  shipments: Insertable<ShipmentsTable>[];
  shipmentLines: Insertable<ShipmentLinesTable>[];
  shipmentEvents: Insertable<ShipmentEventsTable>[];
}

export interface HistoryDay extends HistoryRows {
  /** The shop's calendar day, YYYYMMDD. */
  day: string;
  /** The last number each terminal gave that day. */
  sequences: Map<string, number>;
  /** The last shipment number of each day a parcel went out on so far (YYYYMMDD → n). */
  shipmentSequences: Map<string, number>;
}

/** Bump when the generated rows change: benchmarks key their cached databases on it. */
export const HISTORY_VERSION = 3;

/** Terminals: the two counter tills, the back office (phone, email), the web shop and the marketplace feed. */
export const HISTORY_TERMINALS = { counter: ['A1', 'A2'], office: 'B1', web: 'W1', api: 'MP' } as const;

const MARKETPLACES = ['tmall', 'jd'];
const CARRIERS_CN: Array<[string, DemoService]> = [
  ['SF Express', 'sf_express'],
  ['ZTO Express', 'zto_standard'],
  ['YTO Express', 'yto_standard'],
];
const CARRIERS_ABROAD: Array<[string, number, DemoService]> = [
  ['EMS International', 12800, 'ems'],
  ['DHL Express', 19800, 'dhl_express_worldwide'],
];
/** Where the demo shop's parcels start their journey. */
const ORIGIN_CITY = '上海';
const FREE_SHIPPING_FROM = 19900;
const DOMESTIC_SHIPPING = 1200;
const NOTES = [
  '',
  '',
  '',
  '',
  '',
  '',
  '请勿敲门 Please do not knock',
  '送礼用，不要放发票 A gift: no invoice in the box',
  'Call before delivery',
];

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const dayCache = new Map<number, { iso: string; compact: string }>();
function dayStrings(day: number): { iso: string; compact: string } {
  let found = dayCache.get(day);
  if (!found) {
    const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    found = { iso, compact: iso.replaceAll('-', '') };
    dayCache.set(day, found);
  }
  return found;
}

/** The same text as new Date(ms).toISOString(), made from a per-day cache: the history writes millions. */
function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const milliseconds = rest % 1000;
  rest = (rest - milliseconds) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${dayStrings(day).iso}T${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[milliseconds]}Z`;
}

/** The shop's calendar day of an instant, YYYYMMDD. */
export function shopDay(ms: number): string {
  return dayStrings(Math.floor((ms + SHOP_UTC_OFFSET_MS) / DAY_MS)).compact;
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** Orders per day in proportion to the day weights, adding up to exactly `total` (largest remainders). */
function ordersPerDay(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i] += 1;
  }
  return counts;
}

/** A normal draw (Box–Muller), for day-to-day noise. */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** A product's life: some launched during the history (sales ramp up), some dropped, each with its own trend. */
interface Lifecycle {
  launch: number;
  end: number;
  trend: number;
}

interface TimelineEntry {
  at: number;
  kind: string;
  details: Record<string, unknown> | null;
}

/** What paying and refunding one order needs: its payments and timeline grow as money moves. */
interface Money {
  orderId: string;
  terminal: string;
  user: string | null;
  manager: string;
  payments: Insertable<PaymentsTable>[];
  events: TimelineEntry[];
  random: Random;
}

/** Takes a payment as `addPayment` records it: cash with what was tendered, a card or transfer with its reference. */
function pay(money: Money, at: number, method: PaymentMethod, amount: number): void {
  const { random } = money;
  const paymentId = seededUuidV7(at, random);
  let tendered: number | null = null;
  let reference = '';
  if (method === 'cash') {
    const step = random.pick([100, 1000, 5000, 10000]);
    tendered = Math.ceil(amount / step) * step;
  } else if (method === 'card') reference = `POS${String(random.int(1_000_000)).padStart(6, '0')}`;
  else reference = `${random.pick(['WeChat Pay', 'Alipay', 'Bank'])} ${String(random.int(1e9)).padStart(9, '0')}`;
  money.payments.push({
    id: paymentId,
    order_id: money.orderId,
    kind: 'payment',
    method,
    amount,
    tendered,
    change_given: tendered === null ? 0 : tendered - amount,
    reference,
    refund_of: null,
    refunded: 0,
    terminal: money.terminal,
    business_day: shopDay(at),
    created_by: money.user,
    created_at: iso(at),
  });
  money.events.push({
    at,
    kind: 'payment',
    details: {
      paymentId,
      method,
      amount,
      ...(tendered !== null ? { tendered, change: tendered - amount } : {}),
      ...(reference ? { reference } : {}),
    },
  });
}

/** Pays back `amount` as `refundPayment` does: to the way it was paid, latest payment first. */
function refund(money: Money, at: number, amount: number, reason: string): void {
  let left = amount;
  const refunds: Array<{ id: string; method: PaymentMethod; amount: number }> = [];
  const by = money.user ?? money.manager;
  for (let i = money.payments.length - 1; i >= 0 && left > 0; i--) {
    const payment = money.payments[i];
    if (payment.kind !== 'payment') continue;
    const take = Math.min(left, payment.amount - (payment.refunded ?? 0));
    if (take === 0) continue;
    left -= take;
    const refundId = seededUuidV7(at, money.random);
    payment.refunded = (payment.refunded ?? 0) + take;
    money.payments.push({
      id: refundId,
      order_id: money.orderId,
      kind: 'refund',
      method: payment.method,
      amount: take,
      tendered: null,
      change_given: 0,
      reference: reason,
      refund_of: payment.id,
      refunded: 0,
      terminal: money.terminal,
      business_day: shopDay(at),
      created_by: by,
      created_at: iso(at),
    });
    refunds.push({ id: refundId, method: payment.method, amount: take });
  }
  money.events.push({ at, kind: 'refund', details: { amount, reason, refunds } });
}

/** A return: one line comes back (if before the history ends) and its total is refunded. */
function returnLine(
  money: Money,
  at: number,
  endMs: number,
  lines: Array<{ quantity: number }>,
  priced: Priced,
  returned: number[],
): void {
  if (at >= endMs) return;
  const line = money.random.int(lines.length);
  returned[line] = lines[line].quantity;
  refund(money, at, priced.lines[line].total, 'Returned');
}

const HOUR_MS = 3_600_000;

/**
 * The parcel an order of the history went in: packed shortly before it was handed to
 * the carrier, numbered per day it went out, with the carrier's tracking events up to
 * where it is when the history ends (delivered, or still on its way).
 */
function historyParcel(
  options: HistoryOptions,
  random: Random,
  sequences: Map<string, number>,
  parcel: {
    orderId: string;
    service: DemoService;
    placed: number;
    shippedAt: number;
    delivered: number | null;
    endMs: number;
    destination: string;
    user: string;
  },
): { shipment: Insertable<ShipmentsTable>; events: Insertable<ShipmentEventsTable>[] } {
  const day = shopDay(parcel.shippedAt);
  const sequence = (sequences.get(day) ?? 0) + 1;
  sequences.set(day, sequence);
  const packedAt = Math.max(parcel.placed, parcel.shippedAt - random.between(5, 90) * 60_000);
  const id = seededUuidV7(packedAt, random);
  const pickedUp = parcel.shippedAt + random.between(1, 4) * HOUR_MS;
  const inTransit = pickedUp + random.between(3, 10) * HOUR_MS;
  const journey: Array<[TrackingStatus, number, string]> = [
    ['label_created', parcel.shippedAt, ''],
    ['picked_up', pickedUp, ORIGIN_CITY],
    ['in_transit', inTransit, ORIGIN_CITY],
  ];
  if (parcel.delivered !== null) {
    journey.push(['out_for_delivery', parcel.delivered - random.between(2, 5) * HOUR_MS, parcel.destination]);
    journey.push(['delivered', parcel.delivered, parcel.destination]);
  }
  const events = journey
    // The label is made as the parcel is handed over, which can fall in the history's last minute.
    .filter(([status, at]) => at < parcel.endMs || status === 'label_created')
    .map(([status, at, location]) => ({
      id: seededUuidV7(at, random),
      shipment_id: id,
      status,
      occurred_at: iso(at),
      location,
      description: '',
      source: status === 'label_created' ? ('system' as const) : ('csv' as const),
      external_id: null,
      recorded_by: status === 'label_created' ? parcel.user : null,
      recorded_at: iso(at),
    }));
  const last = events[events.length - 1]!;
  const { carrierId, serviceId } = options.services[parcel.service];
  const shipment: Insertable<ShipmentsTable> = {
    id,
    number: `SH-${day}-${String(sequence).padStart(4, '0')}`,
    order_id: parcel.orderId,
    warehouse_id: options.warehouseId,
    stage: 'shipped',
    tracking_status: last.status,
    carrier_id: carrierId,
    carrier_service_id: serviceId,
    tracking_number: demoTrackingNumber(parcel.service, random),
    tracking_verified: VERIFIABLE_SERVICES.has(parcel.service) ? 1 : 0,
    weight_grams: null,
    length_mm: null,
    width_mm: null,
    height_mm: null,
    shipping_cost: null,
    promised_date: null,
    packed_at: iso(packedAt),
    shipped_at: iso(parcel.shippedAt),
    delivered_at: parcel.delivered === null ? null : iso(parcel.delivered),
    last_event_at: last.occurred_at,
    created_by: parcel.user,
    created_at: iso(packedAt),
    updated_at: last.occurred_at,
  };
  return { shipment, events };
}

/**
 * Two years of order history for the seeded shop, one day at a time, oldest first. The
 * orders are priced by `priceOrder`, paid, shipped, delivered, cancelled and returned as
 * a shop's are, with a timeline for each, and numbered per terminal and day. Nothing
 * here reads the clock or Math.random: the same options give the same rows.
 */
export function* orderHistory(options: HistoryOptions): Generator<HistoryDay> {
  const root = new Random(options.seed);
  const dayRandom = root.fork('days');
  const lifeRandom = root.fork('lifecycles');
  const random = root.fork('orders');
  // Parcels draw from their own stream, so adding them left every order as it was.
  const parcelRandom = root.fork('shipments');
  const shipmentSequences = new Map<string, number>();
  const cities = new Map<string, string>();
  const cityOf = (customer: HistoryCustomer): string => {
    let city = cities.get(customer.id);
    if (city === undefined) {
      city = customer.shippingAddress
        ? String((JSON.parse(customer.shippingAddress) as { city?: string }).city ?? '')
        : '';
      cities.set(customer.id, city);
    }
    return city;
  };
  const endDay = Date.parse(`${options.today}T00:00:00Z`) / DAY_MS;
  const firstDay = endDay - options.days;
  const endMs = endDay * DAY_MS - SHOP_UTC_OFFSET_MS;

  const lifecycles: Lifecycle[] = options.products.map(() => {
    const launched = lifeRandom.chance(0.1);
    const dropped = !launched && lifeRandom.chance(0.05);
    return {
      launch: launched ? firstDay + lifeRandom.int(options.days - 60) : -Infinity,
      end: dropped ? firstDay + options.days / 2 + lifeRandom.int(options.days / 2) : Infinity,
      trend: (lifeRandom.next() - 0.45) * 0.8,
    };
  });

  // Weight of each day: growth of about 40 % over the two years, the season, the channels, and noise.
  const dayWeights: number[] = [];
  const channelCumulative: Float64Array[] = [];
  for (let d = 0; d < options.days; d++) {
    const dayNo = firstDay + d;
    const channels = channelWeights(dayNo);
    const growth = 0.8 + (0.35 * d) / options.days;
    const noise = Math.exp(0.12 * gaussian(dayRandom));
    dayWeights.push(growth * yearlyFactor(dayNo) * channels.reduce((a, b) => a + b, 0) * noise);
    channelCumulative.push(cumulative(channels));
  }
  const counts = ordersPerDay(dayWeights, options.orders);
  const hourCumulative = Object.fromEntries(CHANNELS.map((c) => [c, cumulative(HOURS[c])])) as Record<
    (typeof CHANNELS)[number],
    Float64Array
  >;
  const named = options.customers;
  const customerCumulative = cumulative(named.map((c) => c.frequency));

  for (let d = 0; d < options.days; d++) {
    const dayNo = firstDay + d;
    const date = new Date(dayNo * DAY_MS);
    const promotion = promotionOn(date);
    const dayStart = dayNo * DAY_MS - SHOP_UTC_OFFSET_MS;
    const productCumulative = cumulative(
      options.products.map((p, i) => {
        const life = lifecycles[i];
        if (dayNo < life.launch || dayNo >= life.end) return 0;
        const ramp = Math.min(1, (dayNo - life.launch) / 60);
        return p.popularity * seasonFactor(p.season, dayNo) * ramp * (1 + (life.trend * d) / options.days);
      }),
    );

    // Draw the day's orders, then number them in the order they were placed.
    const drafts: Array<{ at: number; channel: (typeof CHANNELS)[number] }> = [];
    for (let n = 0; n < counts[d]; n++) {
      const channel = CHANNELS[random.weighted(channelCumulative[d])];
      const hour = random.weighted(hourCumulative[channel]);
      drafts.push({ at: dayStart + hour * 3_600_000 + random.int(3_600_000), channel });
    }
    drafts.sort((a, b) => a.at - b.at);

    const rows: HistoryDay = {
      day: shopDay(dayStart),
      sequences: new Map(),
      shipmentSequences,
      orders: [],
      lines: [],
      payments: [],
      events: [],
      shipments: [],
      shipmentLines: [],
      shipmentEvents: [],
    };
    for (const draft of drafts) {
      const channel = draft.channel;
      const counter = channel === 'counter';
      const terminal = counter
        ? random.chance(0.7)
          ? HISTORY_TERMINALS.counter[0]
          : HISTORY_TERMINALS.counter[1]
        : channel === 'web'
          ? HISTORY_TERMINALS.web
          : channel === 'api'
            ? HISTORY_TERMINALS.api
            : HISTORY_TERMINALS.office;
      const sequence = (rows.sequences.get(terminal) ?? 0) + 1;
      rows.sequences.set(terminal, sequence);

      let customer = options.walkIn;
      if (!counter || random.chance(0.22)) {
        customer = named[random.weighted(customerCumulative)];
        if (counter && customer.abroad) customer = options.walkIn;
        if ((channel === 'phone' || channel === 'email') && !customer.wholesale && random.chance(0.3)) {
          customer = named[random.weighted(customerCumulative)];
        }
      }
      const wholesale = customer.wholesale && !counter;

      // The basket: distinct products drawn by today's popularity.
      const lineCount = wholesale
        ? random.between(3, 8)
        : Math.min(6, 1 + Math.floor(-Math.log(1 - random.next()) / 0.75));
      const chosen: number[] = [];
      for (let tries = 0; chosen.length < lineCount && tries < lineCount * 3; tries++) {
        const p = random.weighted(productCumulative);
        if (!chosen.includes(p)) chosen.push(p);
      }
      const lineInputs = chosen.map((p) => {
        const product = options.products[p];
        const quantity = wholesale
          ? random.between(5, 30)
          : product.typicalQuantity === 1
            ? random.chance(0.88)
              ? 1
              : random.between(2, 3)
            : random.between(1, product.typicalQuantity + 1);
        let discount: Discount | undefined;
        if (wholesale) discount = { kind: 'percent', basisPoints: 1500 };
        else if (counter && random.chance(0.02)) discount = { kind: 'amount', amount: Math.min(1000, product.price) };
        return { product, quantity, discount };
      });
      const online = channel === 'web' || channel === 'api';
      let orderDiscount: Discount | undefined;
      if (online && promotion) orderDiscount = { kind: 'percent', basisPoints: promotion.discountBasisPoints };
      else if (customer.vip) orderDiscount = { kind: 'percent', basisPoints: 500 };

      const ships = !counter && !(channel === 'phone' && random.chance(0.25));
      const gross = lineInputs.reduce((sum, l) => sum + l.product.price * l.quantity, 0);
      let shippingMethod = '';
      let shippingAmount = 0;
      let service: DemoService = 'sf_express';
      if (ships) {
        if (customer.abroad) [shippingMethod, shippingAmount, service] = random.pick(CARRIERS_ABROAD);
        else {
          [shippingMethod, service] = random.pick(CARRIERS_CN);
          shippingAmount = gross >= FREE_SHIPPING_FROM ? 0 : DOMESTIC_SHIPPING;
        }
      }
      const priced = priceOrder({
        lines: lineInputs.map((l) => ({
          unitPrice: l.product.price,
          quantity: l.quantity,
          taxClass: l.product.taxClass,
          rateBasisPoints: l.product.rateBasisPoints,
          discount: l.discount,
        })),
        orderDiscount,
        shipping: ships
          ? { amount: shippingAmount, taxClass: 'standard', rateBasisPoints: options.shippingRateBasisPoints }
          : undefined,
        pricesIncludeTax: options.pricesIncludeTax,
        rounding: options.rounding,
      });
      const total = priced.grandTotal;

      const placed = draft.at;
      const id = seededUuidV7(placed, random);
      const number = `SO-${rows.day}-${terminal}-${String(sequence).padStart(4, '0')}`;
      const user = counter
        ? options.users.counter
        : channel === 'phone' || channel === 'email'
          ? options.users.manager
          : null;
      const events: TimelineEntry[] = [{ at: placed, kind: 'created', details: { number, channel, total } }];
      const money: Money = {
        orderId: id,
        terminal,
        user,
        manager: options.users.manager,
        payments: [],
        events,
        random,
      };
      const payments = money.payments;
      let status: 'completed' | 'confirmed' | 'cancelled' = 'completed';
      let fulfilment: 'delivered' | 'shipped' | 'unfulfilled' = 'delivered';
      const confirmedAt = placed;
      let completedAt: number | null = null;
      let cancelledAt: number | null = null;
      const returned: number[] = lineInputs.map(() => 0);
      let parcel: ReturnType<typeof historyParcel> | null = null;
      // Some goods come back within two weeks: one line returned and refunded.
      const returnAt = (after: number) => after + random.between(1, 14) * DAY_MS + random.int(8 * 3_600_000);

      if (counter) {
        const method: PaymentMethod = random.chance(0.42) ? 'cash' : random.chance(0.6) ? 'card' : 'transfer';
        const paidAt = placed + random.between(20, 120) * 1000;
        pay(money, paidAt, method, total);
        completedAt = paidAt + 1000;
        events.push({ at: completedAt, kind: 'completed', details: null });
        if (random.chance(0.02)) returnLine(money, returnAt(completedAt), endMs, lineInputs, priced, returned);
      } else {
        const cancelled = random.chance(0.04);
        // Online orders are paid when placed; the back office's are paid by transfer, wholesale on invoice.
        const paidAt = online
          ? placed + random.between(5, 300) * 1000
          : placed + (wholesale ? random.between(5, 35) : random.between(0, 3)) * DAY_MS + random.int(6 * 3_600_000);
        const method: PaymentMethod = online ? (random.chance(0.5) ? 'card' : 'transfer') : 'transfer';
        if (cancelled) {
          const at = Math.min(placed + random.between(1, 48) * 3_600_000, endMs - 60_000);
          if (online && paidAt < at) pay(money, paidAt, method, total);
          cancelledAt = at;
          status = 'cancelled';
          fulfilment = 'unfulfilled';
          const paid = payments.reduce((sum, p) => sum + p.amount, 0);
          if (paid > 0) refund(money, at, paid, 'Cancelled');
          events.push({ at, kind: 'cancelled', details: { reason: 'Customer cancelled', refunded: paid } });
        } else {
          if (wholesale && random.chance(0.5)) {
            const deposit = Math.round(total * 0.3);
            if (placed + 600_000 < endMs) pay(money, placed + 600_000, 'transfer', deposit);
            if (paidAt < endMs) pay(money, paidAt, 'transfer', total - deposit);
          } else if (paidAt < endMs) pay(money, paidAt, method, total);
          // Ships within a few days; never after the history ends, so nothing is left to reserve.
          const shipped = Math.min(
            Math.max(placed, paidAt) + random.between(2, 60) * 3_600_000,
            endMs - random.between(10, 600) * 60_000,
          );
          const shippedAt = Math.max(shipped, placed + 60_000);
          // A draw kept in its place: without it every later order of the same seed would change.
          if (ships) random.int(1e9);
          const delivered = shippedAt + (customer.abroad ? random.between(5, 12) : random.between(1, 4)) * DAY_MS;
          if (ships) {
            parcel = historyParcel(options, parcelRandom, shipmentSequences, {
              orderId: id,
              service,
              placed,
              shippedAt,
              delivered: delivered < endMs ? delivered : null,
              endMs,
              destination: cityOf(customer),
              user: options.users.manager,
            });
            events.push({
              at: shippedAt,
              kind: 'shipped',
              details: {
                shipmentId: parcel.shipment.id,
                number: parcel.shipment.number,
                carrier: shippingMethod,
                trackingNumber: parcel.shipment.tracking_number,
                units: lineInputs.reduce((sum, l) => sum + l.quantity, 0),
              },
            });
          }
          if (!ships || delivered < endMs) {
            // A pickup is handed over at the shop; a parcel is complete once delivered.
            completedAt = ships ? delivered : shippedAt;
            events.push({ at: completedAt, kind: 'completed', details: null });
            if (random.chance(0.03)) returnLine(money, returnAt(completedAt), endMs, lineInputs, priced, returned);
          } else {
            status = 'confirmed';
            fulfilment = 'shipped';
          }
        }
      }

      const paid = payments.reduce((sum, p) => sum + (p.kind === 'payment' ? p.amount : 0), 0);
      const refunded = payments.reduce((sum, p) => sum + (p.kind === 'refund' ? p.amount : 0), 0);
      events.sort((a, b) => a.at - b.at);
      const updatedAt = events[events.length - 1].at;

      rows.orders.push({
        id,
        number,
        channel,
        source: channel === 'api' ? random.pick(MARKETPLACES) : '',
        terminal,
        status,
        payment_status: paymentStatusOf(total, paid, refunded),
        fulfilment_status: fulfilment,
        customer_id: customer.id,
        customer_name: customer.name,
        customer_phone_tail: customer.phoneTail,
        warehouse_id: options.warehouseId,
        currency: options.currency,
        prices_include_tax: options.pricesIncludeTax ? 1 : 0,
        rounding: options.rounding,
        order_discount: orderDiscount ? JSON.stringify(orderDiscount) : null,
        subtotal: priced.subtotal,
        discount_total: priced.discountTotal,
        shipping_total: priced.shipping.total,
        shipping_tax: priced.shipping.tax,
        tax_total: priced.taxTotal,
        grand_total: total,
        taxes: JSON.stringify(priced.taxes),
        paid_total: paid,
        refunded_total: refunded,
        ships: ships ? 1 : 0,
        shipping_method: shippingMethod,
        shipping_amount: shippingAmount,
        shipping_tax_class: 'standard',
        shipping_address: ships ? customer.shippingAddress : null,
        billing_address: customer.billingAddress,
        notes: ships ? random.pick(NOTES) : '',
        promised_date: null,
        hold_reason: '',
        placed_at: iso(placed),
        confirmed_at: iso(confirmedAt),
        completed_at: completedAt === null || status !== 'completed' ? null : iso(completedAt),
        cancelled_at: cancelledAt === null ? null : iso(cancelledAt),
        created_by: user,
        created_at: iso(placed),
        updated_at: iso(updatedAt),
      });
      lineInputs.forEach((l, i) => {
        const p = priced.lines[i];
        rows.lines.push({
          id: seededUuidV7(placed, random),
          order_id: id,
          line_no: i + 1,
          product_id: l.product.id,
          sku: l.product.sku,
          name: l.product.name,
          unit_price: l.product.price,
          quantity: l.quantity,
          discount: l.discount ? JSON.stringify(l.discount) : null,
          gross: p.gross,
          line_discount: p.lineDiscount,
          order_discount: p.orderDiscount,
          total: p.total,
          tax: p.tax,
          tax_class: p.taxClass,
          rate_basis_points: p.rateBasisPoints,
          reservation_id: null,
          fulfilled_quantity: status === 'cancelled' ? 0 : l.quantity,
          returned_quantity: returned[i],
        });
      });
      if (parcel) {
        const { shipment } = parcel;
        rows.shipments.push(shipment);
        rows.shipmentEvents.push(...parcel.events);
        for (const line of rows.lines.slice(rows.lines.length - lineInputs.length)) {
          rows.shipmentLines.push({
            id: seededUuidV7(Date.parse(shipment.shipped_at!), parcelRandom),
            shipment_id: shipment.id,
            order_line_id: line.id,
            product_id: line.product_id,
            quantity: line.quantity,
          });
        }
      }
      rows.payments.push(...payments);
      for (const event of events) {
        rows.events.push({
          id: seededUuidV7(event.at, random),
          order_id: id,
          at: iso(event.at),
          user_id: event.kind === 'refund' ? (user ?? options.users.manager) : user,
          kind: event.kind,
          details: event.details === null ? null : JSON.stringify(event.details),
        });
      }
    }
    yield rows;
  }
}

/** A write transaction's worth of history, with what the seeder keeps besides the rows. */
export interface HistoryChunk extends HistoryRows {
  /** The last order number of each terminal and day, for `document_sequences`. */
  sequences: Array<{ kind: string; day: string; last: number }>;
  /** Units sold (not cancelled) per product in the last `recentDays` days of the history. */
  soldRecently: Array<[string, number]>;
}

/** The history in chunks of about `ordersPerChunk` orders (whole days), oldest first. */
export function* historyChunks(
  options: HistoryOptions,
  ordersPerChunk: number,
  recentDays: number,
): Generator<HistoryChunk> {
  const recentFrom = options.days - recentDays;
  const empty = (): HistoryChunk => ({
    orders: [],
    lines: [],
    payments: [],
    events: [],
    shipments: [],
    shipmentLines: [],
    shipmentEvents: [],
    sequences: [],
    soldRecently: [],
  });
  let chunk = empty();
  let sold = new Map<string, number>();
  let dayIndex = 0;
  for (const day of orderHistory(options)) {
    for (const [terminal, last] of day.sequences) chunk.sequences.push({ kind: `SO-${terminal}`, day: day.day, last });
    if (dayIndex >= recentFrom) {
      const live = new Set(day.orders.filter((o) => o.status !== 'cancelled').map((o) => o.id));
      for (const line of day.lines) {
        if (line.product_id && live.has(line.order_id)) {
          sold.set(line.product_id, (sold.get(line.product_id) ?? 0) + line.quantity);
        }
      }
    }
    dayIndex += 1;
    chunk.orders.push(...day.orders);
    chunk.lines.push(...day.lines);
    chunk.payments.push(...day.payments);
    chunk.events.push(...day.events);
    chunk.shipments.push(...day.shipments);
    chunk.shipmentLines.push(...day.shipmentLines);
    chunk.shipmentEvents.push(...day.shipmentEvents);
    if (dayIndex === options.days) {
      // A parcel can go out days after its order: the shipment counters are final only now.
      for (const [shipDay, last] of day.shipmentSequences) chunk.sequences.push({ kind: 'SH', day: shipDay, last });
    }
    if (chunk.orders.length >= ordersPerChunk || dayIndex === options.days) {
      chunk.soldRecently = [...sold];
      yield chunk;
      chunk = empty();
      sold = new Map();
    }
  }
}
