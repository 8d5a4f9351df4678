import type { PickList } from '../../../shared/domain/picking';
import type { Settings } from '../../../shared/domain/settings';
import type { ServiceContext } from '../context';
import { getPickList } from '../picking/pick-lists';
import { brandingOf, type Branding } from './branding';

export interface PickListDocument {
  branding: Branding;
  number: string;
  currency: string;
  warehouse: { code: string; name: string };
  createdAt: string;
  /** The orders still on the list, each with its tote. */
  orders: Array<{ number: string; customerName: string; tote: number }>;
  /** Already merged per product and bin, in walk order, each with its split over the totes. */
  lines: PickList['lines'];
  units: number;
}

/** A pick list as printed: what to take from which bin, in walk order, and into which tote. */
export async function pickListData(
  ctx: ServiceContext,
  idOrNumber: string,
  settings: Settings,
): Promise<PickListDocument> {
  const list = await getPickList(ctx, idOrNumber);
  const warehouse = await ctx.db
    .selectFrom('warehouses')
    .select(['code', 'name'])
    .where('id', '=', list.warehouseId)
    .executeTakeFirstOrThrow();
  return {
    branding: brandingOf(settings),
    number: list.number,
    currency: settings.currency,
    warehouse,
    createdAt: list.createdAt,
    orders: list.orders
      .filter((order) => !order.withdrawn)
      .map((order) => ({ number: order.number, customerName: order.customerName, tote: order.tote })),
    lines: list.lines,
    units: list.units,
  };
}
