// Many series at once, spread over worker threads (one per core by default): what the
// command line and the app's background forecasting run. A series whose request is not
// valid comes back with its error instead of a result; the others go on.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { forecastSeries, type ForecastRequest, type ForecastResult } from './engine';

export interface BatchItem {
  id: string;
  request: ForecastRequest;
}

export type BatchOutcome =
  | { id: string; result: ForecastResult; error?: undefined }
  | { id: string; result?: undefined; error: { code: string; message: string; details?: unknown } };

const BATCH_SIZE = 40;

export function forecastBatch(items: BatchItem[]): BatchOutcome[] {
  return items.map(({ id, request }) => {
    try {
      return { id, result: forecastSeries(request) };
    } catch (error) {
      if (error instanceof AppError) return { id, error: error.toBody() };
      return { id, error: { code: 'INTERNAL', message: String(error) } };
    }
  });
}

function startWorker(): Worker {
  // Built, the worker is out/main/forecast-worker.js; this file may sit in out/main or, when
  // several entries share it, in out/main/chunks.
  const built = [join(__dirname, 'forecast-worker.js'), join(__dirname, '..', 'forecast-worker.js')].find(existsSync);
  if (built) return new Worker(built);
  // Run from source (npm run forecast, the benchmarks, tests): the worker loads TypeScript through tsx.
  const source = join(__dirname, 'worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true });
}

export interface ManyOptions {
  /** Worker threads; 0 forecasts on this thread. Default: one per core. */
  workers?: number;
  onResult?: (outcome: BatchOutcome, done: number) => void;
}

/** Forecasts every item, in parallel; outcomes come back in the order of the items. */
export async function forecastMany(items: BatchItem[], options: ManyOptions = {}): Promise<BatchOutcome[]> {
  const wanted = options.workers ?? availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 0) {
    throw new AppError('VALIDATION', 'The number of worker threads must be a whole number, 0 or more.', {
      issues: [{ path: 'workers', message: 'Must be a whole number, 0 or more.' }],
    });
  }
  const workers = Math.min(wanted, Math.ceil(items.length / BATCH_SIZE));
  const outcomes: BatchOutcome[] = new Array(items.length);
  let done = 0;
  const deliver = (batch: BatchOutcome[], start: number) => {
    batch.forEach((outcome, i) => {
      outcomes[start + i] = outcome;
      done++;
      options.onResult?.(outcome, done);
    });
  };
  if (workers === 0) {
    for (let start = 0; start < items.length; start += BATCH_SIZE) {
      deliver(forecastBatch(items.slice(start, start + BATCH_SIZE)), start);
    }
    return outcomes;
  }
  let next = 0;
  const pool = Array.from({ length: workers }, startWorker);
  try {
    await Promise.all(
      pool.map(async (worker) => {
        while (next < items.length) {
          const start = next;
          next += BATCH_SIZE;
          const batch = await new Promise<BatchOutcome[]>((resolve, reject) => {
            worker.once('error', reject);
            worker.once('message', (result: BatchOutcome[]) => {
              worker.off('error', reject);
              resolve(result);
            });
            worker.postMessage(items.slice(start, start + BATCH_SIZE));
          });
          deliver(batch, start);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return outcomes;
}
