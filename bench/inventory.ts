// What the stock ledger costs: movements posted per second through `postMovements` (look up
// the balance, append the movement, update the cached balance) against a bare insert of
// the same number of rows into stock_movements (the baseline), and the stock overview
// query on a large catalogue: p50/p95 of the pages the stock screen asks for.
// `npm run bench -- inventory [products] [movements]` (defaults 100000 and 50000).
// Prints one JSON line; progress goes to stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../src/shared/domain/user';
import { startApp } from '../src/main/app';
import type { Insertable, Kysely } from 'kysely';
import type { Database, StockMovementsTable } from '../src/main/database/schema';
import { inWriteTransaction } from '../src/main/database/transaction';
import type { ServiceContext } from '../src/main/services/context';
import { newId } from '../src/main/services/ids';
import { postMovements, type MovementInput } from '../src/main/services/inventory/ledger';
import { checkLedger, rebuildSummaries } from '../src/main/services/inventory/verify-ledger';

const PRODUCTS = Number(process.argv[2] ?? 100_000);
const MOVEMENTS = Number(process.argv[3] ?? 50_000);
const WAREHOUSES = 5;
/** Bins besides each warehouse's DEFAULT one; the ledger run spreads its receipts over them. */
const EXTRA_BINS = ['A-01', 'A-02', 'A-03'];
const RUNS = 30;
/** A case that is slow stops after this long (at least MIN_RUNS runs), to keep the run short. */
const CASE_BUDGET_MS = 15_000;
const MIN_RUNS = 5;

const ADJECTIVES = ['Steel', 'Cotton', 'Bamboo', 'Ceramic', 'Linen', 'Walnut', 'Copper', 'Glass', 'Wool', 'Silk'];
const NOUNS = ['Mug', 'Towel', 'Lamp', 'Bowl', 'Basket', 'Tray', 'Vase', 'Scarf', 'Shelf', 'Candle', 'Plate'];
const SEARCH_TERM = 'copper lamp';

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const log = (message: string) => {
  sampleRss();
  console.error(message);
};

/** A small seeded generator, so every run builds the same shop. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertInBatches<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  batch: number,
) {
  for (let i = 0; i < rows.length; i += batch) {
    // Kysely cannot tell which table's row type T picks here; the rows were typed by the caller.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + batch) as never)
      .execute();
  }
}

const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'oms-bench-'));
  const app = await startApp({ databasePath: join(folder, 'bench.db'), serverToken: 'bench' });
  const rssTimer = setInterval(sampleRss, 50);
  try {
    const { db } = app.handle;
    const session = (await app.router.call(
      'auth.setup',
      {
        owner: { username: 'owner', displayName: 'Owner', secret: '1234' },
        store: { storeName: 'Bench', currency: 'CNY', locale: 'en', pricesIncludeTax: true },
      },
      { transport: 'http', credential: null },
    )) as { token: string; user: User };
    const owner = { transport: 'http' as const, credential: await app.router.credentialFor(session.token) };
    const actor = session.user;

    // Warehouses and bins through the real operations.
    const warehouses: Array<{ id: string; defaultBin: string; bins: string[] }> = [];
    for (let w = 1; w <= WAREHOUSES; w++) {
      const created = (await app.router.call(
        'warehouses.create',
        { code: `W${w}`, name: `Warehouse ${w}` },
        owner,
      )) as { id: string; locations: Array<{ id: string }> };
      const bins: string[] = [];
      for (const code of EXTRA_BINS) {
        const bin = (await app.router.call('warehouses.createLocation', { warehouseId: created.id, code }, owner)) as {
          id: string;
        };
        bins.push(bin.id);
      }
      warehouses.push({ id: created.id, defaultBin: created.locations[0].id, bins });
    }

    // Seed: products, then per product and warehouse a receipt into the DEFAULT bin (and
    // for some a reservation holding part of it), with the balances the ledger implies.
    log(`seeding ${PRODUCTS} products × ${WAREHOUSES} warehouses…`);
    const seedStarted = process.hrtime.bigint();
    const rand = random(42);
    const at = new Date().toISOString();
    const productIds: string[] = [];
    let balanceCount = 0;
    let movementCount = 0;
    await inWriteTransaction(db, async (trx) => {
      const CHUNK = 5000;
      for (let start = 0; start < PRODUCTS; start += CHUNK) {
        const products: Insertable<Database['products']>[] = [];
        const movements: Insertable<StockMovementsTable>[] = [];
        const balances: Insertable<Database['stock_balances']>[] = [];
        const reservations: Insertable<Database['stock_reservations']>[] = [];
        const allocations: Insertable<Database['stock_reservation_allocations']>[] = [];
        for (let i = start; i < Math.min(PRODUCTS, start + CHUNK); i++) {
          const id = newId();
          productIds.push(id);
          const reorderPoint = rand() < 0.6 ? Math.floor(rand() * 40) : null;
          products.push({
            id,
            sku: `SKU-${String(i + 1).padStart(7, '0')}`,
            name: `${ADJECTIVES[i % ADJECTIVES.length]} ${NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length]} ${i + 1}`,
            description: '',
            unit_price: 100 + Math.floor(rand() * 100_000),
            cost: 0,
            tax_class: 'standard',
            reorder_point: reorderPoint,
            allow_backorder: 0,
            status: rand() < 0.02 ? 'archived' : 'active',
            created_at: at,
            updated_at: at,
          });
          for (const warehouse of warehouses) {
            const onHand = Math.floor(rand() * 200);
            if (onHand === 0) continue;
            const reserved = rand() < 0.1 ? 1 + Math.floor(rand() * Math.min(onHand, 10)) : 0;
            const base = { at, product_id: id, location_id: warehouse.defaultBin, user_id: actor.id };
            movements.push({ ...base, id: newId(), kind: 'receipt', on_hand_delta: onHand, reserved_delta: 0 });
            if (reserved > 0) {
              const reservationId = newId();
              reservations.push({
                id: reservationId,
                product_id: id,
                warehouse_id: warehouse.id,
                quantity: reserved,
                open_quantity: reserved,
                status: 'open',
                created_by: actor.id,
                created_at: at,
                updated_at: at,
              });
              allocations.push({
                reservation_id: reservationId,
                location_id: warehouse.defaultBin,
                quantity: reserved,
              });
              movements.push({
                ...base,
                id: newId(),
                kind: 'reserve',
                on_hand_delta: 0,
                reserved_delta: reserved,
                reference_type: 'reservation',
                reference_id: reservationId,
              });
            }
            balances.push({
              product_id: id,
              location_id: warehouse.defaultBin,
              on_hand: onHand,
              reserved,
              updated_at: at,
            });
          }
        }
        await insertInBatches(trx, 'products', products, 500);
        await insertInBatches(trx, 'stock_reservations', reservations, 500);
        await insertInBatches(trx, 'stock_reservation_allocations', allocations, 1000);
        await insertInBatches(trx, 'stock_movements', movements, 1000);
        await insertInBatches(trx, 'stock_balances', balances, 1000);
        balanceCount += balances.length;
        movementCount += movements.length;
        if ((start / CHUNK) % 4 === 0) log(`  ${start + products.length} products`);
      }
      await rebuildSummaries({ db: trx, actor: null });
    });
    const seedMs = ms(seedStarted);
    log(`seeded ${balanceCount} balances and ${movementCount} movements in ${(seedMs / 1000).toFixed(1)} s`);

    // a) The ledger against a bare insert of as many rows, each in one write transaction.
    const ledgerProducts = productIds.filter((_, i) => i % 50 !== 0).slice(0, 10_000);
    const bins = warehouses.flatMap((w) => w.bins);
    const pick = random(7);
    const movements: MovementInput[] = Array.from({ length: MOVEMENTS }, () => ({
      productId: ledgerProducts[Math.floor(pick() * ledgerProducts.length)],
      locationId: bins[Math.floor(pick() * bins.length)],
      kind: 'receipt',
      onHandDelta: 1 + Math.floor(pick() * 20),
      reservedDelta: 0,
      unitCost: 250,
    }));
    log(`ledger: posting ${MOVEMENTS} receipts over ${ledgerProducts.length} products × ${bins.length} bins…`);
    // Both timed runs start from an empty write-ahead log, so neither pays for the other's checkpoint.
    const checkpoint = () => app.handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint();
    let started = process.hrtime.bigint();
    await inWriteTransaction(db, (trx) => postMovements({ db: trx, actor } satisfies ServiceContext, movements));
    const ledgerMs = ms(started);
    log(`ledger: ${ledgerMs.toFixed(0)} ms`);

    const lastSeq = (
      await db.selectFrom('stock_movements').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()
    ).seq;
    log(`baseline: inserting ${MOVEMENTS} rows into stock_movements…`);
    const rawAt = new Date().toISOString();
    checkpoint();
    started = process.hrtime.bigint();
    await inWriteTransaction(db, async (trx) => {
      for (const m of movements) {
        await trx
          .insertInto('stock_movements')
          .values({
            id: newId(),
            at: rawAt,
            product_id: m.productId,
            location_id: m.locationId,
            kind: m.kind,
            on_hand_delta: m.onHandDelta,
            reserved_delta: m.reservedDelta,
            unit_cost: m.unitCost ?? null,
            reason: null,
            reference_type: null,
            reference_id: null,
            user_id: actor.id,
            note: null,
          })
          .execute();
      }
    });
    const rawMs = ms(started);
    log(`baseline: ${rawMs.toFixed(0)} ms`);
    // The baseline's rows have no balances behind them: take them out again.
    await inWriteTransaction(db, (trx) => trx.deleteFrom('stock_movements').where('seq', '>', lastSeq).execute());

    // b) The stock overview, through the router as the stock screen calls it.
    const warehouseId = warehouses[0].id;
    const deepOffset = Math.min(50_000, Math.floor(PRODUCTS / 2));
    // And the products grid's search as a person types: trigram index from three
    // characters, a scan below that.
    const cases: Array<[string, Record<string, unknown>, string?]> = [
      ['firstPageBySku', { warehouseId }],
      ['deepPageBySku', { warehouseId, offset: deepOffset }],
      ['availableDesc', { warehouseId, sortField: 'available', sortDirection: 'desc' }],
      ['lowStockOnly', { warehouseId, lowStockOnly: true }],
      ['search', { warehouseId, search: SEARCH_TERM }],
      ['allWarehousesFirstPage', {}],
      ['productsSearch', { search: SEARCH_TERM }, 'products.list'],
      ['productsSearchTwoLetters', { search: 'co' }, 'products.list'],
    ];
    const overview: Record<string, { p50Ms: number; p95Ms: number; runs: number; total: number }> = {};
    for (const [name, input, operation = 'stock.overview'] of cases) {
      let total = 0;
      const first = (await app.router.call(operation, input, owner)) as { rows: unknown[]; total: number };
      total = first.total;
      const times: number[] = [];
      const caseStarted = Date.now();
      while (times.length < RUNS && (times.length < MIN_RUNS || Date.now() - caseStarted < CASE_BUDGET_MS)) {
        const t = process.hrtime.bigint();
        await app.router.call(operation, input, owner);
        times.push(ms(t));
        sampleRss();
      }
      times.sort((a, b) => a - b);
      overview[name] = {
        p50Ms: round(percentile(times, 50)),
        p95Ms: round(percentile(times, 95)),
        runs: times.length,
        total,
      };
      log(`overview ${name}: p50 ${overview[name].p50Ms} ms, p95 ${overview[name].p95Ms} ms (${times.length} runs)`);
    }

    // The drift check reads the whole ledger into memory; one run, outside a transaction.
    sampleRss();
    const peakRssBeforeVerify = peakRss;
    started = process.hrtime.bigint();
    const verified = await checkLedger({ db, actor });
    const verifyMs = ms(started);
    sampleRss();
    log(
      `verify: ${verifyMs.toFixed(0)} ms, ${verified.binDriftCount} bins and ${verified.summaryDriftCount} totals drifting`,
    );

    const result = {
      bench: 'inventory',
      products: PRODUCTS,
      warehouses: WAREHOUSES,
      balances: balanceCount,
      seededMovements: movementCount,
      seedMs: Math.round(seedMs),
      movements: MOVEMENTS,
      ledgerPerSec: Math.round(MOVEMENTS / (ledgerMs / 1000)),
      rawInsertPerSec: Math.round(MOVEMENTS / (rawMs / 1000)),
      ledgerTimesSlower: round(rawMs === 0 ? 0 : ledgerMs / rawMs, 2),
      deepOffset,
      search: SEARCH_TERM,
      overview,
      verifyMs: Math.round(verifyMs),
      verifyDrift: verified.binDriftCount + verified.summaryDriftCount,
      peakRssBeforeVerifyMb: Math.round(peakRssBeforeVerify / 1024 / 1024),
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      node: process.version,
    };
    console.log(JSON.stringify(result));
  } finally {
    clearInterval(rssTimer);
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
