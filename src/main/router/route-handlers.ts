import { setDepot } from '../services/routes/depots';
import { getDeliveryDay } from '../services/routes/day';
import { addOrderStops, orderCandidates } from '../services/routes/order-stops';
import { planDay } from '../services/routes/planning';
import { importStops } from '../services/routes/stop-import';
import { addStop, removeStop, updateStop } from '../services/routes/stops';
import { listVehicles, saveVehicle } from '../services/routes/vehicles';
import type { HandlersOf } from './handler-types';

/** Local delivery routes: depots, vehicles, a day's stops and its route plan. */
export const routeHandlers: HandlersOf<'routes'> = {
  'routes.day': (ctx, input) => getDeliveryDay(ctx, input),
  'routes.setDepot': (ctx, input) => setDepot(ctx, input),
  'routes.addStop': (ctx, input) => addStop(ctx, input, input.stop),
  'routes.updateStop': (ctx, input) => updateStop(ctx, input.id, input.stop),
  'routes.removeStop': async (ctx, input) => {
    await removeStop(ctx, input.id);
    return { ok: true };
  },
  'routes.importStops': async (ctx, input) => ({ added: await importStops(ctx, input, input.csv) }),
  'routes.orderCandidates': (ctx, input) => orderCandidates(ctx, input),
  'routes.addOrderStops': async (ctx, input) => ({ added: await addOrderStops(ctx, input, input.orderIds) }),
  'routes.vehicles': (ctx) => listVehicles(ctx),
  'routes.saveVehicle': (ctx, input) => saveVehicle(ctx, input),
  'routes.plan': (ctx, input) => planDay(ctx, input),
};
