import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';

export interface Drift {
  productId: string;
  locationId: string;
  ledger: { onHand: number; reserved: number };
  cached: { onHand: number; reserved: number };
  /** Units the open reservations hold in this bin; must equal the ledger's reserved. */
  allocated: number;
}

const key = (productId: string, locationId: string) => `${productId}\u0000${locationId}`;

/**
 * Recomputes every balance from the ledger and compares it with the cached balances and
 * with the open reservations' allocations. With `repair`, the cache is rewritten from
 * the ledger (the ledger is the truth) and the repair is audited.
 */
export async function verifyLedger(
  ctx: ServiceContext,
  options: { repair: boolean },
): Promise<{ checked: number; drift: Drift[]; repaired: boolean }> {
  const [ledger, cached, allocations] = await Promise.all([
    ctx.db
      .selectFrom('stock_movements')
      .select(['product_id', 'location_id'])
      .select((eb) => [
        eb.fn.sum<number>('on_hand_delta').as('on_hand'),
        eb.fn.sum<number>('reserved_delta').as('reserved'),
      ])
      .groupBy(['product_id', 'location_id'])
      .execute(),
    ctx.db.selectFrom('stock_balances').select(['product_id', 'location_id', 'on_hand', 'reserved']).execute(),
    ctx.db
      .selectFrom('stock_reservation_allocations')
      .innerJoin('stock_reservations', 'stock_reservations.id', 'stock_reservation_allocations.reservation_id')
      .select([
        'stock_reservations.product_id as product_id',
        'stock_reservation_allocations.location_id as location_id',
      ])
      .select((eb) => eb.fn.sum<number>('stock_reservation_allocations.quantity').as('quantity'))
      .groupBy(['stock_reservations.product_id', 'stock_reservation_allocations.location_id'])
      .execute(),
  ]);

  const rows = new Map<string, Drift>();
  const entry = (productId: string, locationId: string) => {
    const k = key(productId, locationId);
    let found = rows.get(k);
    if (!found) {
      found = {
        productId,
        locationId,
        ledger: { onHand: 0, reserved: 0 },
        cached: { onHand: 0, reserved: 0 },
        allocated: 0,
      };
      rows.set(k, found);
    }
    return found;
  };
  for (const row of ledger) {
    entry(row.product_id, row.location_id).ledger = { onHand: Number(row.on_hand), reserved: Number(row.reserved) };
  }
  for (const row of cached)
    entry(row.product_id, row.location_id).cached = { onHand: row.on_hand, reserved: row.reserved };
  for (const row of allocations) entry(row.product_id, row.location_id).allocated = Number(row.quantity);

  const drift = [...rows.values()].filter(
    (r) =>
      r.ledger.onHand !== r.cached.onHand ||
      r.ledger.reserved !== r.cached.reserved ||
      r.allocated !== r.ledger.reserved,
  );
  if (options.repair && drift.length > 0) {
    const at = nowIso();
    for (const r of drift) {
      await ctx.db
        .insertInto('stock_balances')
        .values({
          product_id: r.productId,
          location_id: r.locationId,
          on_hand: r.ledger.onHand,
          reserved: r.ledger.reserved,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['product_id', 'location_id'])
            .doUpdateSet({ on_hand: r.ledger.onHand, reserved: r.ledger.reserved, updated_at: at }),
        )
        .execute();
    }
    await recordAudit(ctx, { action: 'stock.balances-repaired', entity: 'stock', details: { drift } });
  }
  return { checked: rows.size, drift, repaired: options.repair && drift.length > 0 };
}
