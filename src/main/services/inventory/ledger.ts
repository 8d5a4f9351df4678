import { AppError } from '../../../shared/errors';
import type { MovementKind } from '../../database/schema';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { applyToSummaries } from './summaries';

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

/**
 * The one way stock changes: each movement is appended to the ledger and applied to the
 * cached balance of its bin and the product's totals (warehouse and all) in the caller's
 * transaction, so they can never disagree. A movement
 * that would take available stock (on hand less reserved) below zero is refused with
 * INSUFFICIENT_STOCK, unless the product allows backorders or the caller records a
 * physical fact (a count) with `recordShortfall`. Facts about products and
 * locations are looked up once per call, so posting many movements stays cheap.
 */
export async function postMovements(
  ctx: ServiceContext,
  movements: MovementInput[],
  options: { recordShortfall?: boolean } = {},
): Promise<BalanceAfter[]> {
  const products = new Map<string, ProductFacts>();
  const locations = new Map<string, LocationFacts>();
  const at = nowIso();
  const results: BalanceAfter[] = [];

  for (const movement of movements) {
    if (!Number.isInteger(movement.onHandDelta) || !Number.isInteger(movement.reservedDelta)) {
      throw new AppError('VALIDATION', 'Stock quantities are whole units');
    }
    const product = products.get(movement.productId) ?? (await productFacts(ctx, movement.productId));
    products.set(movement.productId, product);
    const location = locations.get(movement.locationId) ?? (await locationFacts(ctx, movement.locationId));
    locations.set(movement.locationId, location);
    if (!location.active && movement.onHandDelta > 0) {
      throw new AppError('INVALID_STATE', `Location ${location.code} is not active`, {
        locationId: movement.locationId,
      });
    }

    const current = await ctx.db
      .selectFrom('stock_balances')
      .select(['on_hand', 'reserved'])
      .where('product_id', '=', movement.productId)
      .where('location_id', '=', movement.locationId)
      .executeTakeFirst();
    const before = { onHand: current?.on_hand ?? 0, reserved: current?.reserved ?? 0 };
    const after = { onHand: before.onHand + movement.onHandDelta, reserved: before.reserved + movement.reservedDelta };

    if (after.reserved < 0) {
      throw new AppError(
        'INVALID_STATE',
        `Cannot release more than is reserved of ${product.sku} at ${location.code}`,
        {
          productId: movement.productId,
          locationId: movement.locationId,
          reserved: before.reserved,
        },
      );
    }
    const availableBefore = before.onHand - before.reserved;
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

    await ctx.db
      .insertInto('stock_movements')
      .values({
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
      })
      .execute();
    if (current) {
      await ctx.db
        .updateTable('stock_balances')
        .set({ on_hand: after.onHand, reserved: after.reserved, updated_at: at })
        .where('product_id', '=', movement.productId)
        .where('location_id', '=', movement.locationId)
        .execute();
    } else {
      await ctx.db
        .insertInto('stock_balances')
        .values({
          product_id: movement.productId,
          location_id: movement.locationId,
          on_hand: after.onHand,
          reserved: after.reserved,
          updated_at: at,
        })
        .execute();
    }
    await applyToSummaries(ctx, { ...movement, warehouseId: location.warehouseId });
    results.push({ productId: movement.productId, locationId: movement.locationId, ...after });
  }
  return results;
}

async function productFacts(ctx: ServiceContext, id: string): Promise<ProductFacts> {
  const row = await ctx.db
    .selectFrom('products')
    .select(['sku', 'allow_backorder'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No product with id ${id}`, { entity: 'product', id });
  return { sku: row.sku, allowBackorder: row.allow_backorder === 1 };
}

async function locationFacts(ctx: ServiceContext, id: string): Promise<LocationFacts> {
  const row = await ctx.db
    .selectFrom('locations')
    .select(['code', 'active', 'warehouse_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No location with id ${id}`, { entity: 'location', id });
  return { code: row.code, active: row.active === 1, warehouseId: row.warehouse_id };
}
