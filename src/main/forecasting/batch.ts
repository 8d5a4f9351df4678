// Many series at once, spread over worker threads (one per core by default): what the
// command line and the app's background forecasting run. A series whose request is not
// valid comes back with its error instead of a result; the others go on.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { forecastSeries, type ForecastRequest, type ForecastResult } from './engine';
import { startWorker } from '../worker-thread';

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

function forecastWorker(): Worker {
  return startWorker(__dirname, 'forecast-worker', join(__dirname, 'worker.ts'));
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
  const pool = Array.from({ length: workers }, forecastWorker);
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
