import { AppError } from '../../../shared/errors';
import { chunks } from '../../database/chunks';
import type { MovementKind } from '../../database/schema';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { ALL_WAREHOUSES } from './summaries';

export interface MovementInput {
  productId: string;
  locationId: string;
  kind: MovementKind;
  /** Change to the units physically in the bin. */
  onHandDelta: number;
  /** Change to the units promised to orders from the bin. */
  reservedDelta: number;
  unitCost?: number | null;
  reason?: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
  note?: string | null;
}

export interface BalanceAfter {
  productId: string;
  locationId: string;
  onHand: number;
  reserved: number;
}

interface ProductFacts {
  sku: string;
  allowBackorder: boolean;
}

interface LocationFacts {
  code: string;
  active: boolean;
  warehouseId: string;
}

interface Balance {
  onHand: number;
  reserved: number;
  changed: boolean;
}

/**
 * The one way stock changes: each movement is appended to the ledger and applied to the
 * cached balance of its bin and the product's totals (warehouse and all) in the caller's
 * transaction, so they can never disagree. A movement that would take available stock
 * (on hand less reserved) below zero is refused with INSUFFICIENT_STOCK, unless the
 * product allows backorders or the caller records a physical fact (a count) with
 * `recordShortfall`. Movements apply in the order given, each seeing the ones before it;
 * facts and balances are read once per call and written in multi-row statements, so a
 * whole order's or count's movements cost a handful of statements.
 */
export async function postMovements(
  ctx: ServiceContext,
  movements: MovementInput[],
  options: { recordShortfall?: boolean } = {},
): Promise<BalanceAfter[]> {
  if (movements.length === 0) return [];
  for (const movement of movements) {
    if (!Number.isInteger(movement.onHandDelta) || !Number.isInteger(movement.reservedDelta)) {
      throw new AppError('VALIDATION', 'Stock quantities are whole units');
    }
  }
  const products = await productFacts(ctx, unique(movements.map((m) => m.productId)));
  const locations = await locationFacts(ctx, unique(movements.map((m) => m.locationId)));
  const balances = await storedBalances(ctx, movements);
  const at = nowIso();
  const results: BalanceAfter[] = [];

  for (const movement of movements) {
    const product = products.get(movement.productId)!;
    const location = locations.get(movement.locationId)!;
    if (!location.active && movement.onHandDelta > 0) {
      throw new AppError('INVALID_STATE', `Location ${location.code} is not active`, {
        locationId: movement.locationId,
      });
    }
    const key = balanceKey(movement.productId, movement.locationId);
    const balance = balances.get(key) ?? { onHand: 0, reserved: 0, changed: false };
    const after = {
      onHand: balance.onHand + movement.onHandDelta,
      reserved: balance.reserved + movement.reservedDelta,
    };

    if (after.reserved < 0) {
      throw new AppError(
        'INVALID_STATE',
        `Cannot release more than is reserved of ${product.sku} at ${location.code}`,
        {
          productId: movement.productId,
          locationId: movement.locationId,
          reserved: balance.reserved,
        },
      );
    }
    const availableBefore = balance.onHand - balance.reserved;
    const availableAfter = after.onHand - after.reserved;
    const refused = !product.allowBackorder && !options.recordShortfall;
    if (availableAfter < 0 && availableAfter < availableBefore && refused) {
      throw new AppError(
        'INSUFFICIENT_STOCK',
        `Not enough ${product.sku} at ${location.code}: asked ${availableBefore - availableAfter}, available ${Math.max(0, availableBefore)}`,
        {
          productId: movement.productId,
          sku: product.sku,
          locationId: movement.locationId,
          location: location.code,
          asked: availableBefore - availableAfter,
          available: Math.max(0, availableBefore),
        },
      );
    }
    balances.set(key, { ...after, changed: true });
    results.push({ productId: movement.productId, locationId: movement.locationId, ...after });
  }

  for (const rows of chunks(movements)) {
    await ctx.db
      .insertInto('stock_movements')
      .values(
        rows.map((movement) => ({
          id: newId(),
          at,
          product_id: movement.productId,
          location_id: movement.locationId,
          kind: movement.kind,
          on_hand_delta: movement.onHandDelta,
          reserved_delta: movement.reservedDelta,
          unit_cost: movement.unitCost ?? null,
          reason: movement.reason ?? null,
          reference_type: movement.referenceType ?? null,
          reference_id: movement.referenceId ?? null,
          user_id: ctx.actor?.id ?? null,
          note: movement.note ?? null,
        })),
      )
      .execute();
  }
  await writeBalances(ctx, balances, at);
  await writeSummaries(ctx, movements, locations);
  return results;
}

function balanceKey(productId: string, locationId: string): string {
  return `${productId}\u0000${locationId}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

async function productFacts(ctx: ServiceContext, ids: string[]): Promise<Map<string, ProductFacts>> {
  const facts = new Map<string, ProductFacts>();
  for (const part of chunks(ids)) {
    const rows = await ctx.db
      .selectFrom('products')
      .select(['id', 'sku', 'allow_backorder'])
      .where('id', 'in', part)
      .execute();
    for (const row of rows) facts.set(row.id, { sku: row.sku, allowBackorder: row.allow_backorder === 1 });
  }
  const missing = ids.find((id) => !facts.has(id));
  if (missing) throw new AppError('NOT_FOUND', `No product with id ${missing}`, { entity: 'product', id: missing });
  return facts;
}

async function locationFacts(ctx: ServiceContext, ids: string[]): Promise<Map<string, LocationFacts>> {
  const facts = new Map<string, LocationFacts>();
  for (const part of chunks(ids)) {
    const rows = await ctx.db
      .selectFrom('locations')
      .select(['id', 'code', 'active', 'warehouse_id'])
      .where('id', 'in', part)
      .execute();
    for (const row of rows)
      facts.set(row.id, { code: row.code, active: row.active === 1, warehouseId: row.warehouse_id });
  }
  const missing = ids.find((id) => !facts.has(id));
  if (missing) throw new AppError('NOT_FOUND', `No location with id ${missing}`, { entity: 'location', id: missing });
  return facts;
}

/** The balances the movements touch, read by product (a product's bins are few). */
async function storedBalances(ctx: ServiceContext, movements: MovementInput[]): Promise<Map<string, Balance>> {
  const wanted = new Set(movements.map((m) => balanceKey(m.productId, m.locationId)));
  const balances = new Map<string, Balance>();
  for (const part of chunks(unique(movements.map((m) => m.productId)))) {
    const rows = await ctx.db
      .selectFrom('stock_balances')
      .select(['product_id', 'location_id', 'on_hand', 'reserved'])
      .where('product_id', 'in', part)
      .execute();
    for (const row of rows) {
      const key = balanceKey(row.product_id, row.location_id);
      if (wanted.has(key)) balances.set(key, { onHand: row.on_hand, reserved: row.reserved, changed: false });
    }
  }
  return balances;
}

/** Every changed balance in one upsert per chunk: new bins are inserted, known ones overwritten. */
async function writeBalances(ctx: ServiceContext, balances: Map<string, Balance>, at: string): Promise<void> {
  const changed = [...balances.entries()].filter(([, b]) => b.changed);
  for (const rows of chunks(changed)) {
    await ctx.db
      .insertInto('stock_balances')
      .values(
        rows.map(([key, balance]) => {
          const [productId, locationId] = key.split('\u0000') as [string, string];
          return {
            product_id: productId,
            location_id: locationId,
            on_hand: balance.onHand,
            reserved: balance.reserved,
            updated_at: at,
          };
        }),
      )
      .onConflict((oc) =>
        oc.columns(['product_id', 'location_id']).doUpdateSet((eb) => ({
          on_hand: eb.ref('excluded.on_hand'),
          reserved: eb.ref('excluded.reserved'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/**
 * The movements' deltas summed per product and scope (its warehouse, and all), added to
 * the totals in one upsert per chunk. Totals rows exist from the product's creation, so
 * the insert branch only guards against a gap.
 */
async function writeSummaries(
  ctx: ServiceContext,
  movements: MovementInput[],
  locations: Map<string, LocationFacts>,
): Promise<void> {
  const deltas = new Map<string, { product_id: string; scope: string; on_hand: number; reserved: number }>();
  for (const movement of movements) {
    const warehouseId = locations.get(movement.locationId)!.warehouseId;
    for (const scope of [warehouseId, ALL_WAREHOUSES]) {
      const key = balanceKey(movement.productId, scope);
      const delta = deltas.get(key) ?? { product_id: movement.productId, scope, on_hand: 0, reserved: 0 };
      delta.on_hand += movement.onHandDelta;
      delta.reserved += movement.reservedDelta;
      deltas.set(key, delta);
    }
  }
  const changed = [...deltas.values()].filter((d) => d.on_hand !== 0 || d.reserved !== 0);
  for (const rows of chunks(changed)) {
    await ctx.db
      .insertInto('stock_summaries')
      .values(rows.map((d) => ({ ...d, available: d.on_hand - d.reserved, reorder_point: null })))
      .onConflict((oc) =>
        oc.columns(['product_id', 'scope']).doUpdateSet((eb) => ({
          on_hand: eb('stock_summaries.on_hand', '+', eb.ref('excluded.on_hand')),
          reserved: eb('stock_summaries.reserved', '+', eb.ref('excluded.reserved')),
          available: eb('stock_summaries.available', '+', eb.ref('excluded.available')),
        })),
      )
      .execute();
  }
}
