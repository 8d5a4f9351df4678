import type { ShipmentStage } from '../../../shared/domain/shipments';
import type { ServiceContext } from '../context';

/** The stages in which a parcel's units have left the shelf: they count against what is left to pack or ship. */
export const OFF_THE_SHELF = ['packing', 'packed', 'shipped'] as const satisfies readonly ShipmentStage[];

/** Units of each order line in the orders' parcels at the given stages, by order line id. */
export async function unitsInParcels(
  ctx: ServiceContext,
  orderIds: readonly string[],
  stages: readonly ShipmentStage[],
): Promise<Map<string, number>> {
  if (orderIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('shipment_lines')
    .innerJoin('shipments', 'shipments.id', 'shipment_lines.shipment_id')
    .select('shipment_lines.order_line_id as orderLineId')
    .select((eb) => eb.fn.sum<number>('shipment_lines.quantity').as('units'))
    .where('shipments.order_id', 'in', orderIds)
    .where('shipments.stage', 'in', stages)
    .groupBy('shipment_lines.order_line_id')
    .execute();
  return new Map(rows.map((r) => [r.orderLineId, Number(r.units)]));
}
