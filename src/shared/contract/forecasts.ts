import { z } from 'zod';
import { DEMAND_BUCKETS, FORECAST_RUN_STATUSES, replenishmentSettingsSchema } from '../domain/forecasts';
import { quantitySchema } from '../domain/catalog';
import { MANAGERS, STAFF } from '../roles';
import { operation, queryFlag } from './define';
import { purchaseOrderSchema } from './purchasing';

const runSchema = z.object({
  id: z.string(),
  bucket: z.enum(DEMAND_BUCKETS),
  status: z.enum(FORECAST_RUN_STATUSES),
  seriesTotal: z.number(),
  seriesDone: z.number(),
  seriesFailed: z.number(),
  failure: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  elapsedMs: z.number().nullable(),
});

export type ForecastRun = z.infer<typeof runSchema>;

const listRowSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  method: z.string(),
  next30: z.number(),
  onHand: z.number(),
  available: z.number(),
  /** On hand over the next 30 days' daily demand; null with no demand forecast. */
  daysOfCover: z.number().nullable(),
  smape: z.number().nullable(),
  mase: z.number().nullable(),
  computedAt: z.string(),
});
export type ForecastListRow = z.infer<typeof listRowSchema>;

const numbers = z.array(z.number());

/** 'all' for every warehouse together, or one warehouse's id. */
const scope = z.string().min(1).default('all');

const suggestionSchema = z.object({
  productId: z.string(),
  sku: z.string(),
  name: z.string(),
  warehouseId: z.string(),
  warehouseCode: z.string(),
  supplierId: z.string().nullable(),
  supplierName: z.string().nullable(),
  method: z.string(),
  leadTimeDays: z.number(),
  unitCost: z.number(),
  onHand: z.number(),
  reserved: z.number(),
  onOrder: z.number(),
  position: z.number(),
  next30: z.number(),
  leadTimeDemand: z.number(),
  safetyStock: z.number(),
  reorderPoint: z.number(),
  economicOrderQuantity: z.number().nullable(),
  orderUpTo: z.number(),
  suggested: z.number(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const forecasts = {
  start: operation({
    summary:
      'Start forecasting every product’s demand (or some products’) per warehouse and over all, on worker threads; answers at once with the run to follow.',
    kind: 'command',
    access: MANAGERS,
    ownTransaction: true,
    input: z.object({
      bucket: z.enum(DEMAND_BUCKETS).default('week'),
      productIds: z.array(z.string().min(1)).min(1).max(10_000).optional(),
    }),
    output: runSchema,
    http: { method: 'POST', path: '/forecast-runs' },
  }),
  run: operation({
    summary: 'One forecast run: its status and how many series are done.',
    kind: 'query',
    access: STAFF,
    input: z.object({ id: z.string().min(1) }),
    output: runSchema,
    http: { method: 'GET', path: '/forecast-runs/:id' },
  }),
  runs: operation({
    summary: 'Forecast runs, newest first.',
    kind: 'query',
    access: STAFF,
    input: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
    output: z.array(runSchema),
    http: { method: 'GET', path: '/forecast-runs' },
  }),
  cancel: operation({
    summary: 'Stop a forecast run; the forecasts it stored before stay.',
    kind: 'command',
    access: MANAGERS,
    ownTransaction: true,
    input: z.object({ id: z.string().min(1) }),
    output: runSchema,
    http: { method: 'POST', path: '/forecast-runs/:id/cancel' },
  }),
  list: operation({
    summary:
      'Stored forecasts of one scope and bucket size by SKU: model, next-30-day demand, stock, days of cover and backtest error.',
    kind: 'query',
    access: STAFF,
    input: z.object({ scope, bucket: z.enum(DEMAND_BUCKETS).default('week') }),
    output: z.array(listRowSchema),
    http: { method: 'GET', path: '/forecasts' },
  }),
  chart: operation({
    summary:
      'One product’s demand history (stock-outs marked) and a fresh forecast with fitted values, 80 % and 95 % bands, model and backtest error; the forecast is stored too.',
    kind: 'command',
    access: STAFF,
    input: z.object({ productId: z.string().min(1), scope, bucket: z.enum(DEMAND_BUCKETS).default('week') }),
    output: z.object({
      productId: z.string(),
      sku: z.string(),
      name: z.string(),
      scope: z.string(),
      bucket: z.enum(DEMAND_BUCKETS),
      history: z
        .object({
          periods: z.array(z.string()),
          values: numbers,
          censored: z.array(z.boolean()),
          fitted: z.array(z.number().nullable()),
        })
        .nullable(),
      forecast: z
        .object({
          method: z.string(),
          periods: z.array(z.string()),
          values: numbers,
          lo80: numbers,
          hi80: numbers,
          lo95: numbers,
          hi95: numbers,
          smape: z.number().nullable(),
          mase: z.number().nullable(),
          origins: z.number(),
          next30: z.number(),
          elapsedMs: z.number(),
        })
        .nullable(),
    }),
    http: { method: 'POST', path: '/forecasts/:productId/chart' },
  }),
  suggestions: operation({
    summary:
      'Reorder suggestions per product × warehouse: lead-time demand from the forecast, safety stock at the service level, reorder point, EOQ, order-up-to level, and what to order net of on hand, on order and reserved.',
    kind: 'query',
    access: STAFF,
    input: z.object({
      warehouseId: z.string().min(1).optional(),
      onlyToOrder: queryFlag.default(true),
    }),
    output: z.array(suggestionSchema),
    http: { method: 'GET', path: '/reorder-suggestions' },
  }),
  createPurchaseOrders: operation({
    summary: 'Turn accepted reorder suggestions into draft purchase orders, one per supplier and warehouse.',
    kind: 'command',
    access: MANAGERS,
    input: z.object({
      lines: z
        .array(z.object({ productId: z.string().min(1), warehouseId: z.string().min(1), quantity: quantitySchema }))
        .min(1)
        .max(5000),
    }),
    output: z.array(purchaseOrderSchema),
    http: { method: 'POST', path: '/reorder-suggestions/purchase-orders' },
  }),
  settings: operation({
    summary: 'The replenishment policy: service level, ordering cost, holding rate, default lead time, bucket size.',
    kind: 'query',
    access: STAFF,
    input: z.object({}),
    output: replenishmentSettingsSchema,
    http: { method: 'GET', path: '/replenishment-settings' },
  }),
  updateSettings: operation({
    summary: 'Change the replenishment policy.',
    kind: 'command',
    access: MANAGERS,
    input: replenishmentSettingsSchema.partial(),
    output: replenishmentSettingsSchema,
    http: { method: 'PATCH', path: '/replenishment-settings' },
  }),
};
