import type { Kysely } from 'kysely';

/**
 * Forecast runs and the forecasts they store, one per product × scope (a warehouse, or
 * 'all') × bucket (day, week, month), so the screens read forecasts instead of
 * recomputing them. A later run replaces a series' forecast in place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('forecast_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('series_total', 'integer', (c) => c.notNull())
    .addColumn('series_done', 'integer', (c) => c.notNull())
    .addColumn('series_failed', 'integer', (c) => c.notNull())
    .addColumn('failure', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('elapsed_ms', 'integer')
    .execute();
  await db.schema.createIndex('forecast_runs_by_started').on('forecast_runs').columns(['started_at', 'id']).execute();

  await db.schema
    .createTable('forecasts')
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.references('forecast_runs.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('history_start', 'text', (c) => c.notNull())
    .addColumn('forecast_start', 'text', (c) => c.notNull())
    .addColumn('season', 'integer')
    .addColumn('forecast', 'text', (c) => c.notNull())
    .addColumn('smape', 'real')
    .addColumn('mase', 'real')
    .addColumn('origins', 'integer', (c) => c.notNull())
    .addColumn('rmse', 'real')
    .addColumn('next30', 'real', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('elapsed_ms', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('forecasts_pk', ['product_id', 'scope', 'bucket'])
    .execute();
  await db.schema
    .createIndex('forecasts_by_scope')
    .on('forecasts')
    .columns(['scope', 'bucket', 'product_id'])
    .execute();
}
