import { z } from 'zod';
import {
  deliveryDateSchema,
  deliveryDaySchema,
  deliveryStopSchema,
  deliveryVehicleSchema,
  depotSchema,
  latitudeSchema,
  longitudeSchema,
  orderCandidateSchema,
  routePlanSchema,
  stopFieldsSchema,
  vehicleFieldsSchema,
} from '../domain/delivery-routes';
import { STAFF, STOCK_KEEPERS } from '../roles';
import { operation } from './define';

const day = { warehouseId: z.string().min(1), date: deliveryDateSchema };

export const routes = {
  day: operation({
    summary: "A warehouse's delivery day: where it is, the day's stops, and the route plan if one was made.",
    kind: 'query',
    access: STAFF,
    input: z.object(day),
    output: deliveryDaySchema,
    http: { method: 'GET', path: '/routes/days/:date' },
  }),
  setDepot: operation({
    summary: 'Set where a warehouse is (latitude and longitude): its delivery routes start and end there.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ warehouseId: z.string().min(1), latitude: latitudeSchema, longitude: longitudeSchema }),
    output: depotSchema,
    http: { method: 'PUT', path: '/warehouses/:warehouseId/location' },
  }),
  addStop: operation({
    summary: 'Add a delivery stop to a day, entered by hand.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ ...day, stop: stopFieldsSchema }),
    output: deliveryStopSchema,
    http: { method: 'POST', path: '/routes/stops' },
  }),
  updateStop: operation({
    summary: 'Change a delivery stop.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ id: z.string().min(1), stop: stopFieldsSchema }),
    output: deliveryStopSchema,
    http: { method: 'PUT', path: '/routes/stops/:id' },
  }),
  removeStop: operation({
    summary: 'Remove a delivery stop from its day.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ ok: z.literal(true) }),
    http: { method: 'DELETE', path: '/routes/stops/:id' },
  }),
  importStops: operation({
    summary:
      "Add a day's stops from CSV text (columns name, address, latitude, longitude, weight_kg, volume_l, window_start, window_end, service_minutes, notes): all rows or, on any bad row, none.",
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ ...day, csv: z.string().min(1).max(5_000_000) }),
    output: z.object({ added: z.array(deliveryStopSchema) }),
    http: { method: 'POST', path: '/routes/stops/import' },
  }),
  orderCandidates: operation({
    summary: "Confirmed orders still to deliver, for picking a day's stops: those asking for own local delivery first.",
    kind: 'query',
    access: STAFF,
    input: z.object(day),
    output: z.array(orderCandidateSchema),
  }),
  addOrderStops: operation({
    summary:
      'Add orders as stops of a day: name and address from the order, weight and volume from its products; coordinates from the last stop at the same address, if any.',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({ ...day, orderIds: z.array(z.string().min(1)).min(1).max(500) }),
    output: z.object({ added: z.array(deliveryStopSchema) }),
  }),
  vehicles: operation({
    summary: 'The delivery vehicles with their capacities and start times.',
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: z.array(deliveryVehicleSchema),
    http: { method: 'GET', path: '/routes/vehicles' },
  }),
  saveVehicle: operation({
    summary: 'Add a delivery vehicle, or change one (with its id).',
    kind: 'command',
    access: STOCK_KEEPERS,
    input: vehicleFieldsSchema.extend({ id: z.string().min(1).optional() }),
    output: deliveryVehicleSchema,
    http: { method: 'POST', path: '/routes/vehicles' },
  }),
  plan: operation({
    summary:
      "Plan the day's routes from the warehouse for the chosen vehicles within capacity and time windows, shortest total distance found within the time budget; replaces the day's earlier plan.",
    kind: 'command',
    access: STOCK_KEEPERS,
    input: z.object({
      ...day,
      vehicleIds: z.array(z.string().min(1)).min(1).max(50),
      timeBudgetMs: z.number().int().min(100).max(60_000).default(3_000),
      averageSpeedKmh: z.number().min(1).max(150).default(25),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .default(1),
    }),
    output: routePlanSchema,
    http: { method: 'POST', path: '/routes/plans' },
    ownTransaction: true,
  }),
};
