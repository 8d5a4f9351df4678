import { AppError } from '../../../shared/errors';
import {
  minutesOfDay,
  timeOfDay,
  type DeliveryStop,
  type DeliveryVehicle,
  type RoutePlan,
} from '../../../shared/domain/delivery-routes';
import { inWriteTransaction } from '../../database/transaction';
import { recordAudit } from '../audit';
import { nowIso, type ServiceContext } from '../context';
import { newId } from '../ids';
import { getDepot } from './depots';
import { greatCircleMatrix, travelSeconds } from './solver/distances';
import { routeDistance, routeLoad, schedule } from './solver/evaluation';
import type { VrpProblem, VrpTiming } from './solver/problem';
import { solveInWorker } from './solve-in-worker';
import { listStops, type Day } from './stops';
import { listVehicles } from './vehicles';

export interface PlanInput extends Day {
  vehicleIds: string[];
  timeBudgetMs: number;
  averageSpeedKmh: number;
  seed: number;
}

/**
 * The day's stops with coordinates as a routing problem: great-circle metres between
 * them (straight over the ground; no road network offline), drive times at the average
 * speed, weight and volume as two capacity dimensions, windows only when a stop has one.
 */
export function routingProblem(
  depot: { latitude: number; longitude: number },
  stops: DeliveryStop[],
  vehicles: DeliveryVehicle[],
  averageSpeedKmh: number,
): { problem: VrpProblem; timed: VrpProblem & { time: VrpTiming } } {
  const points = [
    { lat: depot.latitude, lng: depot.longitude },
    ...stops.map((stop) => ({ lat: stop.latitude as number, lng: stop.longitude as number })),
  ];
  const distance = greatCircleMatrix(points);
  const time = {
    travel: travelSeconds(distance, averageSpeedKmh),
    windows: [
      null,
      ...stops.map((stop) =>
        stop.windowStart && stop.windowEnd
          ? ([minutesOfDay(stop.windowStart) * 60, minutesOfDay(stop.windowEnd) * 60] as const)
          : null,
      ),
    ],
    service: [0, ...stops.map((stop) => stop.serviceMinutes * 60)],
  };
  const base = {
    size: points.length,
    distance,
    demand: [[0, 0], ...stops.map((stop) => [stop.weightGrams, stop.volumeCm3])],
    vehicles: vehicles.map((vehicle) => ({
      capacity: [vehicle.capacityGrams ?? Infinity, vehicle.capacityCm3 ?? Infinity],
      start: minutesOfDay(vehicle.startTime) * 60,
    })),
  };
  const timed = { ...base, time };
  const hasWindows = time.windows.some((window) => window !== null);
  return { problem: hasWindows ? timed : base, timed };
}

async function chosenVehicles(ctx: ServiceContext, ids: string[]): Promise<DeliveryVehicle[]> {
  const all = await listVehicles(ctx);
  return [...new Set(ids)].map((id, i) => {
    const vehicle = all.find((v) => v.id === id);
    if (!vehicle)
      throw new AppError('NOT_FOUND', `No vehicle with id ${id}`, {
        issues: [{ path: `vehicleIds.${i}`, message: 'No such vehicle' }],
      });
    if (!vehicle.active)
      throw new AppError('INVALID_STATE', `${vehicle.name} is not in use`, {
        issues: [{ path: `vehicleIds.${i}`, message: 'This vehicle is not in use' }],
      });
    return vehicle;
  });
}

/**
 * Plans the day: reads the stops, solves on a worker thread within the time budget (no
 * transaction held meanwhile), then replaces the day's plan in one short write
 * transaction, refusing with CONFLICT if the stops changed while it searched.
 */
export async function planDay(ctx: ServiceContext, input: PlanInput): Promise<RoutePlan> {
  const depot = await getDepot(ctx, input.warehouseId);
  if (depot.latitude === null || depot.longitude === null)
    throw new AppError('INVALID_STATE', `Set where warehouse ${depot.code} is before planning its routes`, {
      issues: [{ path: 'warehouseId', message: 'The warehouse has no latitude and longitude' }],
    });
  const vehicles = await chosenVehicles(ctx, input.vehicleIds);
  const stops = await listStops(ctx, input);
  const placed = stops.filter((stop) => stop.latitude !== null && stop.longitude !== null);
  if (!placed.length)
    throw new AppError('INVALID_STATE', 'No stop of this day has coordinates to plan with', {
      issues: [{ path: 'date', message: 'Add stops with latitude and longitude' }],
    });

  const { problem, timed } = routingProblem(
    { latitude: depot.latitude, longitude: depot.longitude },
    placed,
    vehicles,
    input.averageSpeedKmh,
  );
  const result = await solveInWorker(problem, { seed: input.seed, timeLimitMs: input.timeBudgetMs });
  const { solution } = result;

  return inWriteTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const now = await listStops(tx, input);
    const unchanged =
      now.length === stops.length && now.every((stop, i) => JSON.stringify(stop) === JSON.stringify(stops[i]));
    if (!unchanged) throw new AppError('CONFLICT', "The day's stops changed while planning; plan again");

    await db
      .deleteFrom('route_plans')
      .where('warehouse_id', '=', input.warehouseId)
      .where('delivery_date', '=', input.date)
      .execute();
    const planId = newId();
    await db
      .insertInto('route_plans')
      .values({
        id: planId,
        warehouse_id: input.warehouseId,
        delivery_date: input.date,
        distance_m: solution.distance,
        average_speed_kmh: input.averageSpeedKmh,
        time_budget_ms: input.timeBudgetMs,
        seed: input.seed,
        iterations: result.iterations,
        solve_ms: Math.round(result.ms),
        planned_by: ctx.actor?.id ?? null,
        planned_at: nowIso(),
      })
      .execute();

    let position = 0;
    for (const [v, route] of solution.routes.entries()) {
      if (!route.length) continue;
      const vehicle = vehicles[v];
      const arrivals = schedule(timed, v, route) ?? [];
      const last = route[route.length - 1];
      const returnsAt = arrivals[route.length - 1] + timed.time.service[last] + timed.time.travel[last * timed.size];
      const routeId = newId();
      const [loadGrams, loadCm3] = routeLoad(timed, route);
      await db
        .insertInto('route_plan_routes')
        .values({
          id: routeId,
          plan_id: planId,
          position: position++,
          vehicle_id: vehicle.id,
          vehicle_name: vehicle.name,
          distance_m: routeDistance(timed, route),
          load_grams: loadGrams,
          load_cm3: loadCm3,
          departs_at: vehicle.startTime,
          returns_at: timeOfDay(returnsAt / 60),
        })
        .execute();
      await db
        .insertInto('route_plan_stops')
        .values(
          route.map((node, i) => ({
            id: newId(),
            plan_id: planId,
            route_id: routeId,
            stop_id: placed[node - 1].id,
            sequence: i + 1,
            arrives_at: timeOfDay(arrivals[i] / 60),
            distance_m: timed.distance[(i === 0 ? 0 : route[i - 1]) * timed.size + node],
            left_out: null,
          })),
        )
        .execute();
    }
    const leftOut = [
      ...stops
        .filter((stop) => stop.latitude === null || stop.longitude === null)
        .map((stop) => ({ stopId: stop.id, reason: 'no_coordinates' as const })),
      ...solution.unassigned.map((node) => ({ stopId: placed[node - 1].id, reason: 'no_room' as const })),
    ];
    if (leftOut.length)
      await db
        .insertInto('route_plan_stops')
        .values(
          leftOut.map((entry) => ({
            id: newId(),
            plan_id: planId,
            route_id: null,
            stop_id: entry.stopId,
            sequence: null,
            arrives_at: null,
            distance_m: null,
            left_out: entry.reason,
          })),
        )
        .execute();
    await recordAudit(tx, {
      action: 'route_plan.plan',
      entity: 'delivery_day',
      entityId: `${input.warehouseId}/${input.date}`,
      details: {
        vehicles: vehicles.map((v) => v.name),
        distanceMetres: solution.distance,
        leftOut: leftOut.length,
        iterations: result.iterations,
      },
    });
    return (await getPlan(tx, input)) as RoutePlan;
  });
}

/** The day's stored plan, or null if none was made. */
export async function getPlan(ctx: ServiceContext, day: Day): Promise<RoutePlan | null> {
  const plan = await ctx.db
    .selectFrom('route_plans')
    .selectAll()
    .where('warehouse_id', '=', day.warehouseId)
    .where('delivery_date', '=', day.date)
    .executeTakeFirst();
  if (!plan) return null;
  const [routes, stops] = await Promise.all([
    ctx.db.selectFrom('route_plan_routes').selectAll().where('plan_id', '=', plan.id).orderBy('position').execute(),
    ctx.db.selectFrom('route_plan_stops').selectAll().where('plan_id', '=', plan.id).orderBy('sequence').execute(),
  ]);
  return {
    id: plan.id,
    warehouseId: plan.warehouse_id,
    date: plan.delivery_date,
    distanceMetres: plan.distance_m,
    averageSpeedKmh: plan.average_speed_kmh,
    timeBudgetMs: plan.time_budget_ms,
    seed: plan.seed,
    iterations: plan.iterations,
    solveMs: plan.solve_ms,
    stale: plan.stale === 1,
    plannedAt: plan.planned_at,
    routes: routes.map((route) => ({
      vehicleId: route.vehicle_id,
      vehicleName: route.vehicle_name,
      distanceMetres: route.distance_m,
      loadGrams: route.load_grams,
      loadCm3: route.load_cm3,
      departsAt: route.departs_at,
      returnsAt: route.returns_at,
      stops: stops
        .filter((stop) => stop.route_id === route.id)
        .map((stop) => ({
          stopId: stop.stop_id,
          sequence: stop.sequence as number,
          arrivesAt: stop.arrives_at as string,
          distanceMetres: stop.distance_m as number,
        })),
    })),
    leftOut: stops
      .filter((stop) => stop.route_id === null && stop.left_out !== null)
      .map((stop) => ({ stopId: stop.stop_id, reason: stop.left_out as 'no_coordinates' | 'no_room' })),
  };
}
