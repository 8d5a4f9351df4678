import { z } from 'zod';

/** The buckets demand history is counted in: the shop's days, ISO weeks (Monday first), calendar months. */
export const DEMAND_BUCKETS = ['day', 'week', 'month'] as const;
export type DemandBucket = (typeof DEMAND_BUCKETS)[number];

export const FORECAST_RUN_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const;
export type ForecastRunStatus = (typeof FORECAST_RUN_STATUSES)[number];

/** The season length each bucket's models look for: a week of days, a year of weeks or months. */
export const SEASON_OF: Record<DemandBucket, number> = { day: 7, week: 52, month: 12 };

/** How far ahead each bucket is forecast: about a quarter of days, half a year of weeks, a year of months. */
export const HORIZON_OF: Record<DemandBucket, number> = { day: 91, week: 26, month: 12 };

/** The policy replenishment computes with; kept in the settings table under `replenishment`. */
export const replenishmentSettingsSchema = z.object({
  /** Chance of not running out during a lead time (cycle service level), in percent. */
  serviceLevelPercent: z.number().min(50).max(99.9),
  /** What placing one purchase order costs the shop, in minor units. */
  orderingCost: z.number().int().min(0).max(100_000_000),
  /** Holding one unit for a year costs this share of its unit cost, in percent. */
  holdingRatePercent: z.number().min(0.1).max(200),
  /** Lead time for products whose product and supplier name none. */
  defaultLeadTimeDays: z.number().int().min(0).max(365),
  /** Which stored forecasts replenishment reads. */
  bucket: z.enum(DEMAND_BUCKETS),
});
export type ReplenishmentSettings = z.infer<typeof replenishmentSettingsSchema>;

export const DEFAULT_REPLENISHMENT_SETTINGS: ReplenishmentSettings = {
  serviceLevelPercent: 95,
  orderingCost: 5000,
  holdingRatePercent: 25,
  defaultLeadTimeDays: 14,
  bucket: 'week',
};
