import { z } from 'zod';

/** "HH:MM", 24-hour. */
export const timeOfDaySchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM (24-hour)');

export const deliveryDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Not a real date');

export const latitudeSchema = z.number().min(-90).max(90);
export const longitudeSchema = z.number().min(-180).max(180);

export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Minutes from midnight as "HH:MM"; past midnight it goes on counting (25:10), as a late route would. */
export function timeOfDay(minutes: number): string {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** A stop's editable fields, shared by the form, the CSV import and the API. */
export const stopFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    address: z.string().trim().max(500).default(''),
    latitude: latitudeSchema.nullable().default(null),
    longitude: longitudeSchema.nullable().default(null),
    weightGrams: z.number().int().min(0).max(100_000_000).default(0),
    volumeCm3: z.number().int().min(0).max(1_000_000_000).default(0),
    windowStart: timeOfDaySchema.nullable().default(null),
    windowEnd: timeOfDaySchema.nullable().default(null),
    serviceMinutes: z.number().int().min(0).max(600).default(5),
    notes: z.string().max(2000).default(''),
  })
  .superRefine((stop, issues) => {
    if ((stop.latitude === null) !== (stop.longitude === null))
      issues.addIssue({
        code: 'custom',
        path: [stop.latitude === null ? 'latitude' : 'longitude'],
        message: 'Give both latitude and longitude, or neither',
      });
    if ((stop.windowStart === null) !== (stop.windowEnd === null))
      issues.addIssue({
        code: 'custom',
        path: [stop.windowStart === null ? 'windowStart' : 'windowEnd'],
        message: 'Give both ends of the time window, or neither',
      });
    else if (stop.windowStart && stop.windowEnd && minutesOfDay(stop.windowEnd) <= minutesOfDay(stop.windowStart))
      issues.addIssue({ code: 'custom', path: ['windowEnd'], message: 'The window must end after it starts' });
  });

export type StopFields = z.output<typeof stopFieldsSchema>;

export const deliveryStopSchema = z.object({
  id: z.string(),
  warehouseId: z.string(),
  date: z.string(),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  weightGrams: z.number(),
  volumeCm3: z.number(),
  windowStart: z.string().nullable(),
  windowEnd: z.string().nullable(),
  serviceMinutes: z.number(),
  notes: z.string(),
});
export type DeliveryStop = z.infer<typeof deliveryStopSchema>;

export const vehicleFieldsSchema = z.object({
  name: z.string().trim().min(1).max(80),
  /** Null: no weight limit. */
  capacityGrams: z.number().int().min(1).max(100_000_000).nullable().default(null),
  /** Null: no volume limit. */
  capacityCm3: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
  startTime: timeOfDaySchema.default('08:00'),
  active: z.boolean().default(true),
});

export const deliveryVehicleSchema = z.object({
  id: z.string(),
  name: z.string(),
  capacityGrams: z.number().nullable(),
  capacityCm3: z.number().nullable(),
  startTime: z.string(),
  active: z.boolean(),
});
export type DeliveryVehicle = z.infer<typeof deliveryVehicleSchema>;

export const LEFT_OUT_REASONS = ['no_coordinates', 'no_room'] as const;

export const routePlanSchema = z.object({
  id: z.string(),
  warehouseId: z.string(),
  date: z.string(),
  distanceMetres: z.number(),
  averageSpeedKmh: z.number(),
  timeBudgetMs: z.number(),
  seed: z.number(),
  iterations: z.number(),
  solveMs: z.number(),
  /** A stop, vehicle or the warehouse's place changed since: plan again. */
  stale: z.boolean(),
  plannedAt: z.string(),
  routes: z.array(
    z.object({
      vehicleId: z.string().nullable(),
      vehicleName: z.string(),
      distanceMetres: z.number(),
      loadGrams: z.number(),
      loadCm3: z.number(),
      departsAt: z.string(),
      returnsAt: z.string(),
      stops: z.array(
        z.object({
          stopId: z.string(),
          sequence: z.number(),
          arrivesAt: z.string(),
          /** From the previous stop, or from the warehouse for the first. */
          distanceMetres: z.number(),
        }),
      ),
    }),
  ),
  leftOut: z.array(z.object({ stopId: z.string(), reason: z.enum(LEFT_OUT_REASONS) })),
});
export type RoutePlan = z.infer<typeof routePlanSchema>;

export const depotSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type Depot = z.infer<typeof depotSchema>;

export const deliveryDaySchema = z.object({
  warehouse: depotSchema,
  date: z.string(),
  stops: z.array(deliveryStopSchema),
  plan: routePlanSchema.nullable(),
});
export type DeliveryDay = z.infer<typeof deliveryDaySchema>;

export const orderCandidateSchema = z.object({
  orderId: z.string(),
  number: z.string(),
  customerName: z.string(),
  address: z.string(),
  promisedDate: z.string().nullable(),
  shippingMethod: z.string(),
  /** The order asks for the shop's own local delivery. */
  local: z.boolean(),
  weightGrams: z.number(),
  volumeCm3: z.number(),
  /** Already a stop on this day. */
  planned: z.boolean(),
});
export type OrderCandidate = z.infer<typeof orderCandidateSchema>;
