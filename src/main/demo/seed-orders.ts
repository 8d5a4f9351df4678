import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { RunningApp } from '../app';
import type { Database } from '../database/schema';
import { inWriteTransaction } from '../database/transaction';
import { WALK_IN_CUSTOMER_ID, phoneTail } from '../../shared/domain/customers';
import { AppError } from '../../shared/errors';
import { recordAudit } from '../services/audit';
import { needsSetup } from '../services/auth';
import { createProduct } from '../services/catalog/products';
import type { ServiceContext } from '../services/context';
import { createCustomer, getCustomer } from '../services/customers/customers';
import { receiveStock } from '../services/inventory/stock';
import { createOrder } from '../services/orders/orders';
import { addPayment } from '../services/orders/payments';
import { getSettings, updateSettings } from '../services/settings';
import { getUser } from '../services/users';
import { BatchInserter } from './batch-insert';
import { DEMO_FAMILY, DEMO_PRODUCTS, demoBarcode } from './demo-catalog';
import { demoPeople, type DemoAddress } from './demo-people';
import { demoRange, type RangeProduct, type Season } from './demo-range';
import { DAY_MS } from './demand';
import { DEMO_SERVICES } from './demo-tracking';
import {
  HISTORY_TERMINALS,
  historyChunks,
  type HistoryChunk,
  type HistoryCustomer,
  type HistoryOptions,
  type HistoryProduct,
} from './order-history';
import { Random } from './random';
import { seedDemo } from './seed';
import { startWorker } from '../worker-thread';

export interface SeedOptions {
  orders: number;
  seed: number;
  /** The shop's calendar day the history leads up to, YYYY-MM-DD. */
  today: string;
  /** Days of history; two years by default. */
  days?: number;
  onProgress?: (message: string) => void;
  /**
   * Generate the history on a worker thread while this one writes (about a sixth faster
   * with two cores). Needs `history-worker` built beside this file, or tsx to run it.
   */
  onSecondThread?: boolean;
}

export interface SeedSummary {
  orders: number;
  orderLines: number;
  payments: number;
  events: number;
  shipments: number;
  products: number;
  customers: number;
  openOrders: number;
  from: string;
  to: string;
  /** Seconds spent writing the order history (generating and inserting). */
  historySeconds: number;
  seconds: number;
}

/** Orders kept in memory before one write transaction takes them. */
const ORDERS_PER_TRANSACTION = 25_000;
const STOCK_COVER_DAYS = 56;
const OPEN_ORDERS = 12;

/** Popularity and season of the demo shop's own fifteen, which the history sells beside the range. */
const DEMO_DEMAND: Record<string, { popularity: number; season?: Season; typicalQuantity?: number }> = {
  'PU-357': { popularity: 1.5, season: 'winter' },
  'PU-100': { popularity: 2, typicalQuantity: 2 },
  'LJ-250': { popularity: 1.2, season: 'spring' },
  'TGY-125': { popularity: 2 },
  'DHP-100': { popularity: 0.6 },
  'BYS-200': { popularity: 0.3 },
  'JSM-100': { popularity: 3, typicalQuantity: 2 },
  'KM-50': { popularity: 1.5, typicalQuantity: 2 },
  'GW-150': { popularity: 0.5 },
  'TP-200': { popularity: 0.06 },
  'FC-300': { popularity: 0.6 },
  'TT-BAMBOO': { popularity: 0.08 },
  'CUP-CEL-GREEN': { popularity: 1, typicalQuantity: 4 },
  'CUP-CEL-WHITE': { popularity: 0.4, typicalQuantity: 4 },
  'CUP-CEL-BLUE': { popularity: 0.7, typicalQuantity: 4 },
};

const addressJson = (a: DemoAddress | undefined) =>
  a
    ? JSON.stringify({
        kind: a.kind,
        recipient: a.recipient,
        phone: a.phone,
        line1: a.line1,
        line2: a.line2,
        city: a.city,
        region: a.region,
        postalCode: a.postalCode,
        country: a.country,
      })
    : null;

/**
 * A new database filled as a shop two years into trading: the demo shop, a few hundred
 * more products, customers at home and abroad, `orders` orders of history (written in
 * batches, like an import: no stock movements), opening stock received through the
 * ledger to match recent sales, and a few open orders placed through the order service
 * so they hold real reservations. A database already in use is refused.
 */
export async function seedShopWithOrders(app: RunningApp, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const { db } = app.handle;
  const days = options.days ?? 730;
  if (!(await needsSetup({ db, actor: null }))) {
    throw new AppError('CONFLICT', `${app.handle.path} already holds a shop: the seeder fills only a new database`);
  }
  await seedDemo(app);
  const userIds = await db.selectFrom('users').select(['id', 'username']).execute();
  const userId = (name: string) => userIds.find((u) => u.username === name)?.id as string;
  const owner = { db, actor: await getUser({ db, actor: null }, userId('owner')) };

  // The range and the customers, through the services.
  const range = demoRange(options.seed);
  const people = demoPeople(Math.min(10_000, Math.max(200, Math.round(options.orders / 100))), options.seed);
  progress(`adding ${range.length} products and ${people.length} customers…`);
  const catalogue = await inWriteTransaction(db, async (trx) => {
    const ctx = { ...owner, db: trx };
    await updateSettings(ctx, { terminalCode: HISTORY_TERMINALS.counter[0] });
    const suppliers = await trx.selectFrom('suppliers').select(['id', 'name']).orderBy('name').execute();
    const supplierOf = (key: 'tea' | 'ware') =>
      suppliers.find((s) => (key === 'tea' ? /Tea/ : /Porcelain/).test(s.name))?.id ?? null;
    const existing = DEMO_PRODUCTS.length + DEMO_FAMILY.variants.length;
    const added: Array<RangeProduct & { id: string }> = [];
    for (const [i, p] of range.entries()) {
      const product = await createProduct(ctx, {
        sku: p.sku,
        name: p.name,
        description: '',
        barcode: demoBarcode(existing + i + 1),
        unitPrice: p.price,
        taxClass: p.taxClass,
        weightGrams: p.grams,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        allowBackorder: false,
        supplierId: supplierOf(p.supplier),
        leadTimeDays: null,
        reorderPoint: p.reorderPoint,
        familyId: null,
        optionValues: null,
      });
      added.push({ ...p, id: product.id });
    }
    const customers: HistoryCustomer[] = [];
    for (const person of people) {
      const { customer } = await createCustomer(ctx, {
        name: person.name,
        phone: person.phone,
        email: person.email,
        tags: person.tags,
        notes: person.notes,
        addresses: person.addresses,
      });
      customers.push({
        id: customer.id,
        name: customer.name,
        phoneTail: phoneTail(customer.phone),
        shippingAddress: addressJson(person.addresses.find((a) => a.kind === 'shipping')),
        billingAddress: addressJson(person.addresses.find((a) => a.kind === 'billing')),
        frequency: person.frequency,
        wholesale: person.wholesale,
        abroad: person.abroad,
        vip: person.tags.includes('vip'),
      });
    }
    return { added, customers };
  });

  const settings = await getSettings(owner);
  const rate = (taxClass: string) => settings.taxRates.find((r) => r.taxClass === taxClass)?.rateBasisPoints ?? 0;
  const catalogueRows = await db
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'unit_price', 'tax_class', 'cost'])
    .orderBy('sku')
    .execute();
  const rangeBySku = new Map(catalogue.added.map((p) => [p.sku, p]));
  const products: HistoryProduct[] = catalogueRows.map((row) => {
    const fromRange = rangeBySku.get(row.sku);
    const demo = DEMO_DEMAND[row.sku];
    return {
      id: row.id,
      sku: row.sku,
      name: row.name,
      price: row.unit_price,
      taxClass: row.tax_class,
      rateBasisPoints: rate(row.tax_class),
      season: fromRange?.season ?? demo?.season ?? 'all-year',
      popularity: fromRange?.popularity ?? demo?.popularity ?? 0.5,
      typicalQuantity: fromRange?.typicalQuantity ?? demo?.typicalQuantity ?? 1,
    };
  });
  const walkIn = await getCustomer(owner, WALK_IN_CUSTOMER_ID);
  const main = await db.selectFrom('warehouses').select('id').where('code', '=', 'MAIN').executeTakeFirstOrThrow();

  // The history, a transaction per ORDERS_PER_TRANSACTION orders.
  const historyStarted = performance.now();
  const endDay = Date.parse(`${options.today}T00:00:00Z`) / DAY_MS;
  const soldRecently = new Map<string, number>();
  const sequences: HistoryChunk['sequences'] = [];
  const counts = { orders: 0, lines: 0, payments: 0, events: 0, shipments: 0 };
  const inserter = new BatchInserter();
  const history: HistoryOptions = {
    orders: options.orders,
    seed: options.seed,
    today: options.today,
    days,
    products,
    walkIn: {
      id: walkIn.id,
      name: walkIn.name,
      phoneTail: '',
      shippingAddress: null,
      billingAddress: null,
      frequency: 0,
      wholesale: false,
      abroad: false,
      vip: false,
    },
    customers: catalogue.customers,
    users: { counter: userId('counter'), manager: userId('manager') },
    warehouseId: main.id,
    currency: settings.currency,
    pricesIncludeTax: settings.pricesIncludeTax,
    rounding: settings.rounding,
    shippingRateBasisPoints: rate('standard'),
    services: await demoServices(db),
  };
  const chunks = options.onSecondThread
    ? chunksFromWorker(history)
    : historyChunks(history, ORDERS_PER_TRANSACTION, STOCK_COVER_DAYS);
  for await (const chunk of chunks) {
    await inWriteTransaction(db, (trx) => inserter.insertOrders(trx, chunk));
    counts.orders += chunk.orders.length;
    counts.lines += chunk.lines.length;
    counts.payments += chunk.payments.length;
    counts.events += chunk.events.length;
    counts.shipments += chunk.shipments.length;
    sequences.push(...chunk.sequences);
    for (const [productId, quantity] of chunk.soldRecently) {
      soldRecently.set(productId, (soldRecently.get(productId) ?? 0) + quantity);
    }
    const seconds = (performance.now() - historyStarted) / 1000;
    progress(
      `${counts.orders.toLocaleString('en')} of ${options.orders.toLocaleString('en')} orders in ${seconds.toFixed(1)} s`,
    );
  }
  const historySeconds = (performance.now() - historyStarted) / 1000;

  // Orders taken here from now on continue each terminal's numbering.
  await inWriteTransaction(db, async (trx) => {
    await inserter.insert(trx, 'document_sequences', sequences);
    await recordAudit(
      { ...owner, db: trx },
      {
        action: 'demo.history',
        entity: 'order',
        details: { orders: counts.orders, seed: options.seed, today: options.today },
      },
    );
  });

  // Statistics for the query planner: without them SQLite guesses that a range of totals
  // is selective and sorts a fifth of the orders instead of walking the date index.
  progress('analyzing…');
  await sql`analyze`.execute(db);

  progress('receiving opening stock to match recent sales…');
  await receiveOpeningStock(app, owner, products, soldRecently, options.seed);
  const openOrders = await placeOpenOrders(app, userId, products, catalogue.customers, options.seed);

  const first = new Date((endDay - days) * DAY_MS).toISOString().slice(0, 10);
  const last = new Date((endDay - 1) * DAY_MS).toISOString().slice(0, 10);
  return {
    orders: counts.orders,
    orderLines: counts.lines,
    payments: counts.payments,
    events: counts.events,
    shipments: counts.shipments,
    products: products.length,
    customers: catalogue.customers.length + 1,
    openOrders,
    from: first,
    to: last,
    historySeconds: Math.round(historySeconds * 10) / 10,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** The seeded carrier services the history's parcels go with, by code. */
export async function demoServices(db: Kysely<Database>): Promise<HistoryOptions['services']> {
  const rows = await db
    .selectFrom('carrier_services')
    .select(['id', 'carrier_id', 'code'])
    .where('code', 'in', [...DEMO_SERVICES])
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, { carrierId: r.carrier_id, serviceId: r.id }]));
  return Object.fromEntries(
    DEMO_SERVICES.map((code) => {
      const found = byCode.get(code);
      if (!found) throw new Error(`The carrier service ${code} the demo ships with is missing`);
      return [code, found];
    }),
  ) as HistoryOptions['services'];
}

/** The history's chunks from history-worker, the next one made while the caller writes this one. */
async function* chunksFromWorker(history: HistoryOptions): AsyncGenerator<HistoryChunk> {
  const workerData = { options: history, ordersPerChunk: ORDERS_PER_TRANSACTION, recentDays: STOCK_COVER_DAYS };
  const worker = startWorker(__dirname, 'history-worker', join(__dirname, 'history-worker.ts'), workerData);
  const ask = () =>
    new Promise<HistoryChunk | null>((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      worker.once('error', fail);
      worker.once('message', (chunk: HistoryChunk | null) => {
        worker.off('error', fail);
        resolve(chunk);
      });
      worker.postMessage('next');
    });
  try {
    let next = ask();
    for (;;) {
      const chunk = await next;
      if (!chunk) return;
      next = ask();
      yield chunk;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * Stock on hand as the shop has it today: for each product between two and thirteen
 * weeks of its recent sales (some run out), received through the ledger into the main
 * warehouse, and a few on the shop front's shelves.
 */
async function receiveOpeningStock(
  app: RunningApp,
  owner: ServiceContext,
  products: HistoryProduct[],
  soldRecently: Map<string, number>,
  seed: number,
): Promise<void> {
  const random = new Random(seed).fork('stock');
  const bins = await app.handle.db
    .selectFrom('locations')
    .innerJoin('warehouses', 'warehouses.id', 'locations.warehouse_id')
    .select(['locations.id as id', 'locations.code as code', 'warehouses.code as warehouse'])
    .execute();
  const bin = (warehouse: string, code: string) => bins.find((b) => b.warehouse === warehouse && b.code === code)?.id;
  await inWriteTransaction(app.handle.db, async (trx) => {
    const ctx = { ...owner, db: trx };
    for (const product of products) {
      if (random.chance(0.05)) continue;
      const weekly = ((soldRecently.get(product.id) ?? 0) * 7) / STOCK_COVER_DAYS;
      const quantity = Math.round(weekly * (2 + random.next() * 11)) + (random.chance(0.3) ? random.between(1, 6) : 0);
      if (quantity === 0) continue;
      const tea = product.sku.startsWith('T-') || product.sku.startsWith('F-');
      const mainBin = bin('MAIN', tea ? random.pick(['A-01', 'A-02', 'A-03']) : random.pick(['B-01', 'B-02']));
      // Bought at about 45 % of the shelf price.
      const unitCost = Math.round(product.price * 0.45);
      await receiveStock(ctx, {
        productId: product.id,
        locationId: mainBin,
        quantity,
        unitCost,
        note: 'Opening stock',
      });
      if (random.chance(0.2)) {
        await receiveStock(ctx, {
          productId: product.id,
          locationId: bin('SHOP', random.pick(['SHELF-1', 'SHELF-2'])),
          quantity: Math.max(1, Math.round(quantity / 5)),
          unitCost,
          note: 'Opening stock',
        });
      }
    }
  });
}

/** A few orders still to pick and ship, placed through the order service so their stock is held. */
async function placeOpenOrders(
  app: RunningApp,
  userId: (name: string) => string,
  products: HistoryProduct[],
  customers: HistoryCustomer[],
  seed: number,
): Promise<number> {
  const random = new Random(seed).fork('open');
  const { db } = app.handle;
  const manager = { db, actor: await getUser({ db, actor: null }, userId('manager')) };
  const main = await db.selectFrom('warehouses').select('id').where('code', '=', 'MAIN').executeTakeFirstOrThrow();
  const available = new Map(
    (
      await db.selectFrom('stock_summaries').select(['product_id', 'available']).where('scope', '=', main.id).execute()
    ).map((r) => [r.product_id, r.available]),
  );
  const domestic = customers.filter((c) => !c.abroad && c.shippingAddress);
  let placed = 0;
  for (let n = 0; n < OPEN_ORDERS && domestic.length > 0; n++) {
    const lines: Array<{ productId: string; quantity: number }> = [];
    for (let tries = 0; lines.length < random.between(1, 3) && tries < 20; tries++) {
      const product = random.pick(products);
      const left = available.get(product.id) ?? 0;
      if (left < 2 || lines.some((l) => l.productId === product.id)) continue;
      lines.push({ productId: product.id, quantity: 1 });
      available.set(product.id, left - 1);
    }
    if (lines.length === 0) continue;
    const customer = random.pick(domestic);
    await inWriteTransaction(db, async (trx) => {
      const ctx = { ...manager, db: trx };
      const order = await createOrder(ctx, {
        channel: random.pick(['web', 'phone', 'email'] as const),
        customerId: customer.id,
        warehouseId: main.id,
        lines,
        shipping: { method: random.pick(['SF Express', 'ZTO Express']), amount: 1200, taxClass: 'standard' },
        notes: '',
        confirm: true,
      });
      if (random.chance(0.6)) {
        await addPayment(ctx, order.id, { method: 'transfer', amount: order.grandTotal, reference: 'WeChat Pay' });
      }
    });
    placed += 1;
  }
  return placed;
}
