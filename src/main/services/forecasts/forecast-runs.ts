import type { ForecastRun } from '../../../shared/contract/forecasts';
import type { Kysely } from 'kysely';
import type { DemandBucket, ForecastRunStatus } from '../../../shared/domain/forecasts';
import type { User } from '../../../shared/domain/user';
import { AppError } from '../../../shared/errors';
import type { Database, ForecastRunsTable } from '../../database/schema';
import { inWriteTransaction } from '../../database/transaction';
import { recordAudit } from '../audit';
import { nowIso } from '../context';
import { newId } from '../ids';
import { localDayOf } from './calendar';
import { demandHistory, type DemandSeries } from './demand-history';
import type { WorkerAnswer, WorkerBatch } from './forecast-worker';
import { saveForecasts } from './forecast-store';
import type { SeriesForecast } from './series-forecast';
import { RunCancelled, runOnWorkers } from './worker-pool';

const BATCH_SIZE = 25;

/** The run going on per database (one at a time), so progress and cancel find it. */
const activeRuns = new Map<Kysely<Database>, { id: string; controller: AbortController; finished: Promise<void> }>();

function runOf(row: ForecastRunsTable, active: boolean): ForecastRun {
  const interrupted = row.status === 'running' && !active;
  return {
    id: row.id,
    bucket: row.bucket,
    status: interrupted ? 'failed' : row.status,
    seriesTotal: row.series_total,
    seriesDone: row.series_done,
    seriesFailed: row.series_failed,
    // A run the app stopped during (closed, crashed) has no thread left to finish it.
    failure: interrupted ? 'Interrupted: the app stopped during the run' : row.failure,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    elapsedMs: row.elapsed_ms,
  };
}

export async function getForecastRun(db: Kysely<Database>, id: string): Promise<ForecastRun> {
  const row = await db.selectFrom('forecast_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No forecast run with id ${id}`, { entity: 'forecastRun', id });
  return runOf(row, activeRuns.get(db)?.id === id);
}

export async function listForecastRuns(db: Kysely<Database>, limit: number): Promise<ForecastRun[]> {
  const rows = await db
    .selectFrom('forecast_runs')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const active = activeRuns.get(db)?.id;
  return rows.map((row) => runOf(row, row.id === active));
}

/**
 * Series whose history is the same as another's of the same product (a product sold from
 * one warehouse only: its warehouse and its all-warehouse series) are forecast once.
 */
function distinctSeries(history: DemandSeries[]): {
  unique: DemandSeries[];
  copies: Map<DemandSeries, DemandSeries[]>;
} {
  const byContent = new Map<string, DemandSeries>();
  const copies = new Map<DemandSeries, DemandSeries[]>();
  for (const series of history) {
    const key = [series.productId, series.start, series.values.join(','), series.censored.join(',')].join('|');
    const first = byContent.get(key);
    if (first) copies.get(first)?.push(series);
    else {
      byContent.set(key, series);
      copies.set(series, []);
    }
  }
  return { unique: [...byContent.values()], copies };
}

async function execute(
  db: Kysely<Database>,
  runId: string,
  input: { bucket: DemandBucket; productIds?: string[] },
  signal: AbortSignal,
): Promise<void> {
  const began = performance.now();
  const finish = (status: ForecastRunStatus, failure: string | null) =>
    inWriteTransaction(db, (trx) =>
      trx
        .updateTable('forecast_runs')
        .set({ status, failure, finished_at: nowIso(), elapsed_ms: Math.round(performance.now() - began) })
        .where('id', '=', runId)
        .execute(),
    );
  try {
    const today = localDayOf(new Date());
    const history = await demandHistory(
      { db, actor: null },
      { bucket: input.bucket, productIds: input.productIds, today },
    );
    const { unique, copies } = distinctSeries(history);
    await inWriteTransaction(db, (trx) =>
      trx.updateTable('forecast_runs').set({ series_total: history.length }).where('id', '=', runId).execute(),
    );
    const batches: WorkerBatch[] = [];
    for (let i = 0; i < unique.length; i += BATCH_SIZE) {
      batches.push({ batch: batches.length, today, series: unique.slice(i, i + BATCH_SIZE) });
    }
    const onAnswer = async (answer: WorkerAnswer) => {
      const batch = batches[answer.batch].series;
      const bySeries = new Map(answer.forecasts.map((f) => [`${f.productId}|${f.scope}`, f]));
      const all: SeriesForecast[] = [];
      let failed = 0;
      for (const series of batch) {
        const forecast = bySeries.get(`${series.productId}|${series.scope}`);
        const same = copies.get(series) ?? [];
        if (!forecast) failed += 1 + same.length;
        else all.push(forecast, ...same.map((copy) => ({ ...forecast, scope: copy.scope })));
      }
      await inWriteTransaction(db, async (trx) => {
        await saveForecasts(trx, runId, all);
        await trx
          .updateTable('forecast_runs')
          .set((eb) => ({
            series_done: eb('series_done', '+', all.length + failed),
            series_failed: eb('series_failed', '+', failed),
          }))
          .where('id', '=', runId)
          .execute();
      });
    };
    await runOnWorkers(batches, onAnswer, signal);
    await finish('done', null);
  } catch (error) {
    if (error instanceof RunCancelled) await finish('cancelled', null);
    else await finish('failed', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Starts forecasting every product's demand history (or some products') in one bucket
 * size on the worker threads, and answers at once; `getForecastRun` follows its progress.
 * Forecasts are stored a batch at a time, so a cancelled run keeps what it finished.
 */
export async function startForecastRun(
  db: Kysely<Database>,
  actor: User | null,
  input: { bucket: DemandBucket; productIds?: string[] },
): Promise<ForecastRun> {
  const running = activeRuns.get(db);
  if (running) throw new AppError('CONFLICT', 'A forecast run is going on already', { runId: running.id });
  const id = newId();
  await inWriteTransaction(db, async (trx) => {
    await trx
      .insertInto('forecast_runs')
      .values({
        id,
        bucket: input.bucket,
        status: 'running',
        series_total: 0,
        series_done: 0,
        series_failed: 0,
        failure: null,
        created_by: actor?.id ?? null,
        started_at: nowIso(),
        finished_at: null,
        elapsed_ms: null,
      })
      .execute();
    await recordAudit(
      { db: trx, actor },
      { action: 'forecast-run.started', entity: 'forecastRun', entityId: id, details: input },
    );
  });
  const controller = new AbortController();
  const finished = execute(db, id, input, controller.signal)
    // Only writing the run's own end can fail here (the database went away): nobody awaits it.
    .catch((error: unknown) => console.error('forecast run could not be finished', error))
    .finally(() => activeRuns.delete(db));
  activeRuns.set(db, { id, controller, finished });
  return getForecastRun(db, id);
}

/** Stops a run: the batches in flight are dropped, what was stored before stays. */
export async function cancelForecastRun(db: Kysely<Database>, actor: User | null, id: string): Promise<ForecastRun> {
  const running = activeRuns.get(db);
  if (running?.id !== id) {
    const run = await getForecastRun(db, id);
    throw new AppError('INVALID_STATE', `This forecast run is ${run.status}: there is nothing to cancel`, {
      id,
      status: run.status,
    });
  }
  running.controller.abort();
  await running.finished;
  await inWriteTransaction(db, (trx) =>
    recordAudit({ db: trx, actor }, { action: 'forecast-run.cancelled', entity: 'forecastRun', entityId: id }),
  );
  return getForecastRun(db, id);
}

/** Resolves when the run now going on (if any) has finished: for tests. */
export function forecastRunFinished(db: Kysely<Database>): Promise<void> {
  return activeRuns.get(db)?.finished ?? Promise.resolve();
}

/** Stops the run going on, if any, before the database closes under it. */
export async function stopForecastRuns(db: Kysely<Database>): Promise<void> {
  const running = activeRuns.get(db);
  if (!running) return;
  running.controller.abort();
  await running.finished;
}
