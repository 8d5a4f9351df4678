import { divideRounded } from '../../../shared/domain/rounding';
import { nowIso, type ServiceContext } from '../context';
import { ALL_WAREHOUSES } from './summaries';

/**
 * Weighted average cost after a receipt, in minor units, rounded half up. `receivedValue`
 * is the exact value of what arrived (quantity × cost plus any landed cost), so no share
 * of freight is lost to rounding a unit cost first. BigInt keeps the products exact.
 * Stock below zero (backorders) counts as none: the receipt then sets the cost.
 */
export function weightedAverageCost(
  heldBefore: number,
  costBefore: number,
  received: number,
  receivedValue: bigint,
): number {
  const held = BigInt(Math.max(0, heldBefore));
  const units = held + BigInt(received);
  if (units === 0n) return costBefore;
  return Number(divideRounded(held * BigInt(costBefore) + receivedValue, units, 'half-up'));
}

/**
 * Moves a product's average cost for units received at a total value. The units already
 * owned are those on hand in every warehouse and those travelling between them.
 */
export async function updateAverageCost(
  ctx: ServiceContext,
  productId: string,
  received: number,
  receivedValue: bigint,
): Promise<void> {
  const product = await ctx.db
    .selectFrom('products')
    .select('cost')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  const onHand = await ctx.db
    .selectFrom('stock_summaries')
    .select('on_hand')
    .where('product_id', '=', productId)
    .where('scope', '=', ALL_WAREHOUSES)
    .executeTakeFirst();
  const travelling = await ctx.db
    .selectFrom('transfer_lines as l')
    .innerJoin('transfers as t', 't.id', 'l.transfer_id')
    .select((eb) => eb.fn.sum<number>('l.quantity').as('n'))
    .where('t.status', '=', 'in_transit')
    .where('l.product_id', '=', productId)
    .executeTakeFirst();
  const held = (onHand?.on_hand ?? 0) + Number(travelling?.n ?? 0);
  const cost = weightedAverageCost(held, product.cost, received, receivedValue);
  await ctx.db.updateTable('products').set({ cost, updated_at: nowIso() }).where('id', '=', productId).execute();
}
