import { sql } from 'kysely';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { ALL_WAREHOUSES } from './summaries';

/** At most this many drifting rows are listed; the counts are always whole. */
const LIST_LIMIT = 1000;

export interface BinDrift {
  productId: string;
  locationId: string;
  ledger: { onHand: number; reserved: number };
  cached: { onHand: number; reserved: number };
  /** Units the open reservations hold in this bin; must equal the ledger's reserved. */
  allocated: number;
}

export interface SummaryDrift {
  productId: string;
  scope: string;
  expected: { onHand: number; reserved: number };
  cached: { onHand: number; reserved: number; available: number } | null;
}

export interface LedgerCheck {
  binDrift: BinDrift[];
  binDriftCount: number;
  summaryDrift: SummaryDrift[];
  summaryDriftCount: number;
}

function binDriftQuery(ctx: ServiceContext) {
  return ctx.db
    .with('ledger', (db) =>
      db
        .selectFrom('stock_movements')
        .select(['product_id', 'location_id'])
        .select((eb) => [
          eb.fn.sum<number>('on_hand_delta').as('on_hand'),
          eb.fn.sum<number>('reserved_delta').as('reserved'),
        ])
        .groupBy(['product_id', 'location_id']),
    )
    .with('alloc', (db) =>
      db
        .selectFrom('stock_reservation_allocations as a')
        .innerJoin('stock_reservations as r', 'r.id', 'a.reservation_id')
        .select(['r.product_id as product_id', 'a.location_id as location_id'])
        .select((eb) => eb.fn.sum<number>('a.quantity').as('quantity'))
        .groupBy(['r.product_id', 'a.location_id']),
    )
    .with('keys', (db) =>
      db
        .selectFrom('ledger')
        .select(['product_id', 'location_id'])
        .union(db.selectFrom('stock_balances').select(['product_id', 'location_id']))
        .union(db.selectFrom('alloc').select(['product_id', 'location_id'])),
    )
    .selectFrom('keys as k')
    .leftJoin('ledger as l', (join) =>
      join.onRef('l.product_id', '=', 'k.product_id').onRef('l.location_id', '=', 'k.location_id'),
    )
    .leftJoin('stock_balances as b', (join) =>
      join.onRef('b.product_id', '=', 'k.product_id').onRef('b.location_id', '=', 'k.location_id'),
    )
    .leftJoin('alloc as a', (join) =>
      join.onRef('a.product_id', '=', 'k.product_id').onRef('a.location_id', '=', 'k.location_id'),
    )
    .where(
      sql<boolean>`coalesce(l.on_hand, 0) != coalesce(b.on_hand, 0)
        or coalesce(l.reserved, 0) != coalesce(b.reserved, 0)
        or coalesce(a.quantity, 0) != coalesce(l.reserved, 0)`,
    );
}

function summaryDriftQuery(ctx: ServiceContext) {
  return ctx.db
    .with('expected', (db) =>
      db
        .selectFrom('stock_balances as b')
        .innerJoin('locations', 'locations.id', 'b.location_id')
        .select(['b.product_id as product_id', 'locations.warehouse_id as scope'])
        .select((eb) => [eb.fn.sum<number>('b.on_hand').as('on_hand'), eb.fn.sum<number>('b.reserved').as('reserved')])
        .groupBy(['b.product_id', 'locations.warehouse_id'])
        .unionAll(
          db
            .selectFrom('stock_balances as b')
            .select(['b.product_id as product_id', sql<string>`${ALL_WAREHOUSES}`.as('scope')])
            .select((eb) => [
              eb.fn.sum<number>('b.on_hand').as('on_hand'),
              eb.fn.sum<number>('b.reserved').as('reserved'),
            ])
            .groupBy('b.product_id'),
        ),
    )
    .selectFrom('stock_summaries as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .leftJoin('expected as e', (join) =>
      join.onRef('e.product_id', '=', 's.product_id').onRef('e.scope', '=', 's.scope'),
    )
    .where(
      sql<boolean>`s.on_hand != coalesce(e.on_hand, 0)
        or s.reserved != coalesce(e.reserved, 0)
        or s.available != s.on_hand - s.reserved
        or s.reorder_point is distinct from p.reorder_point`,
    );
}

/** Product × scope pairs without a summary row (there must be one for every pair). */
async function missingSummaries(ctx: ServiceContext): Promise<Array<{ productId: string; scope: string }>> {
  const [products, warehouses, summaries] = await Promise.all([
    ctx.db
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('warehouses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('stock_summaries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(products.n) * (Number(warehouses.n) + 1) === Number(summaries.n)) return [];
  return ctx.db
    .with('scopes', (db) =>
      db
        .selectFrom('warehouses')
        .select('id as scope')
        .union(db.selectNoFrom(sql<string>`${ALL_WAREHOUSES}`.as('scope'))),
    )
    .selectFrom('products as p')
    .innerJoin('scopes as w', (join) => join.on(sql<boolean>`1 = 1`))
    .leftJoin('stock_summaries as s', (join) =>
      join.onRef('s.product_id', '=', 'p.id').onRef('s.scope', '=', 'w.scope'),
    )
    .where('s.product_id', 'is', null)
    .select(['p.id as productId', 'w.scope as scope'])
    .limit(LIST_LIMIT)
    .execute();
}

/**
 * Recomputes every bin balance from the ledger, and every product's totals from the bin
 * balances, and returns only what disagrees: the cache against the ledger, open
 * reservations' allocations against reserved stock, and the summaries. Reads only.
 */
export async function checkLedger(ctx: ServiceContext): Promise<LedgerCheck> {
  const bins = binDriftQuery(ctx);
  const summaries = summaryDriftQuery(ctx);
  const [binRows, binCount, summaryRows, summaryCount, missing] = await Promise.all([
    bins
      .select([
        'k.product_id as productId',
        'k.location_id as locationId',
        sql<number>`coalesce(l.on_hand, 0)`.as('ledgerOnHand'),
        sql<number>`coalesce(l.reserved, 0)`.as('ledgerReserved'),
        sql<number>`coalesce(b.on_hand, 0)`.as('cachedOnHand'),
        sql<number>`coalesce(b.reserved, 0)`.as('cachedReserved'),
        sql<number>`coalesce(a.quantity, 0)`.as('allocated'),
      ])
      .limit(LIST_LIMIT)
      .execute(),
    bins.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    summaries
      .select([
        's.product_id as productId',
        's.scope as scope',
        sql<number>`coalesce(e.on_hand, 0)`.as('expectedOnHand'),
        sql<number>`coalesce(e.reserved, 0)`.as('expectedReserved'),
        's.on_hand as onHand',
        's.reserved as reserved',
        's.available as available',
      ])
      .limit(LIST_LIMIT)
      .execute(),
    summaries.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    missingSummaries(ctx),
  ]);
  return {
    binDrift: binRows.map((r) => ({
      productId: r.productId,
      locationId: r.locationId,
      ledger: { onHand: Number(r.ledgerOnHand), reserved: Number(r.ledgerReserved) },
      cached: { onHand: Number(r.cachedOnHand), reserved: Number(r.cachedReserved) },
      allocated: Number(r.allocated),
    })),
    binDriftCount: Number(binCount.n),
    summaryDrift: [
      ...missing.map((m) => ({ ...m, expected: { onHand: 0, reserved: 0 }, cached: null })),
      ...summaryRows.map((r) => ({
        productId: r.productId,
        scope: r.scope,
        expected: { onHand: Number(r.expectedOnHand), reserved: Number(r.expectedReserved) },
        cached: { onHand: r.onHand, reserved: r.reserved, available: r.available },
      })),
    ].slice(0, LIST_LIMIT),
    summaryDriftCount: Number(summaryCount.n) + missing.length,
  };
}

/**
 * Rewrites the caches from the ledger, which is the truth: every bin balance, then every
 * product's totals. Allocations are left as they are: a disagreement there needs a
 * person to look at the reservations it names. Audited with what was found.
 */
export async function repairBalances(ctx: ServiceContext): Promise<LedgerCheck> {
  const before = await checkLedger(ctx);
  const at = nowIso();
  await ctx.db.deleteFrom('stock_balances').execute();
  await ctx.db
    .insertInto('stock_balances')
    .columns(['product_id', 'location_id', 'on_hand', 'reserved', 'updated_at'])
    .expression((eb) =>
      eb
        .selectFrom('stock_movements')
        .select((s) => [
          'product_id',
          'location_id',
          s.fn.sum<number>('on_hand_delta').as('on_hand'),
          s.fn.sum<number>('reserved_delta').as('reserved'),
          s.val(at).as('updated_at'),
        ])
        .groupBy(['product_id', 'location_id']),
    )
    .execute();
  await rebuildSummaries(ctx);
  await recordAudit(ctx, {
    action: 'stock.balances-repaired',
    entity: 'stock',
    details: {
      binDriftCount: before.binDriftCount,
      summaryDriftCount: before.summaryDriftCount,
      binDrift: before.binDrift.slice(0, 50),
    },
  });
  return checkLedger(ctx);
}

/** Every product's totals per warehouse and over all, summed afresh from the bin balances. */
export async function rebuildSummaries(ctx: ServiceContext): Promise<void> {
  await ctx.db.deleteFrom('stock_summaries').execute();
  await ctx.db
    .insertInto('stock_summaries')
    .columns(['product_id', 'scope', 'on_hand', 'reserved', 'available', 'reorder_point'])
    .expression(
      sql`with totals as (
            select b.product_id, l.warehouse_id as scope, sum(b.on_hand) as on_hand, sum(b.reserved) as reserved
            from stock_balances b join locations l on l.id = b.location_id
            group by b.product_id, l.warehouse_id
            union all
            select product_id, ${ALL_WAREHOUSES}, sum(on_hand), sum(reserved) from stock_balances group by product_id
          ),
          scopes as (select id as scope from warehouses union select ${ALL_WAREHOUSES})
          select p.id, w.scope, coalesce(t.on_hand, 0), coalesce(t.reserved, 0),
            coalesce(t.on_hand, 0) - coalesce(t.reserved, 0), p.reorder_point
          from products p cross join scopes w
          left join totals t on t.product_id = p.id and t.scope = w.scope`,
    )
    .execute();
}
