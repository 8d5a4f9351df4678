import type { DeliveryDay } from '../../../shared/domain/delivery-routes';
import type { ServiceContext } from '../context';
import { getDepot } from './depots';
import { getPlan } from './planning';
import { listStops, type Day } from './stops';

/** Everything the planner screen shows for one warehouse and date. */
export async function getDeliveryDay(ctx: ServiceContext, day: Day): Promise<DeliveryDay> {
  const [warehouse, stops, plan] = await Promise.all([
    getDepot(ctx, day.warehouseId),
    listStops(ctx, day),
    getPlan(ctx, day),
  ]);
  return { warehouse, date: day.date, stops, plan };
}
