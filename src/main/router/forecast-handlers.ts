import {
  cancelForecastRun,
  getForecastRun,
  listForecastRuns,
  startForecastRun,
} from '../services/forecasts/forecast-runs';
import { forecastChart, listForecasts } from '../services/forecasts/forecast-queries';
import { draftPurchaseOrders, reorderSuggestions } from '../services/forecasts/replenishment';
import { getReplenishmentSettings, updateReplenishmentSettings } from '../services/forecasts/replenishment-settings';
import type { HandlersOf } from './handler-types';

/** Forecast runs (on worker threads, outside the router's transaction), forecasts, charts and replenishment. */
export const forecastHandlers: HandlersOf<'forecasts'> = {
  'forecasts.start': (ctx, input) => startForecastRun(ctx.db, ctx.actor, input),
  'forecasts.run': (ctx, input) => getForecastRun(ctx.db, input.id),
  'forecasts.runs': (ctx, input) => listForecastRuns(ctx.db, input.limit),
  'forecasts.cancel': (ctx, input) => cancelForecastRun(ctx.db, ctx.actor, input.id),
  'forecasts.list': (ctx, input) => listForecasts(ctx, input),
  'forecasts.chart': (ctx, input) => forecastChart(ctx, input),
  'forecasts.suggestions': (ctx, input) => reorderSuggestions(ctx, input),
  'forecasts.createPurchaseOrders': (ctx, input) => draftPurchaseOrders(ctx, input.lines),
  'forecasts.settings': (ctx) => getReplenishmentSettings(ctx),
  'forecasts.updateSettings': (ctx, input) => updateReplenishmentSettings(ctx, input),
};
