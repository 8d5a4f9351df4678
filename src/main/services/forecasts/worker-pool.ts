import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerBatch } from './forecast-worker';
import { startWorker } from '../../worker-thread';

function spawnWorker(): Worker {
  return startWorker(__dirname, 'forecast-run-worker', join(__dirname, 'forecast-worker.ts'));
}

export class RunCancelled extends Error {
  constructor() {
    super('The forecast run was cancelled');
  }
}

/**
 * Forecasts batches of series on worker threads (two: one per core of the machines we
 * run on), so the main process keeps answering while a run goes on. Each worker takes
 * the next batch as soon as it answers the last; answers are handed to `onAnswer` one at
 * a time, in the order they arrive. Aborting stops the workers mid-batch.
 */
export async function runOnWorkers(
  batches: WorkerBatch[],
  onAnswer: (answer: WorkerAnswer) => Promise<void>,
  signal: AbortSignal,
  size = 2,
): Promise<void> {
  if (signal.aborted) throw new RunCancelled();
  const workers = Array.from({ length: Math.min(size, batches.length) }, spawnWorker);
  let next = 0;
  let handled = Promise.resolve();
  try {
    await new Promise<void>((resolve, reject) => {
      let running = workers.length;
      if (running === 0) resolve();
      const onAbort = () => reject(new RunCancelled());
      signal.addEventListener('abort', onAbort, { once: true });
      const give = (worker: Worker) => {
        if (next < batches.length) {
          worker.postMessage(batches[next]);
          next += 1;
          return;
        }
        running -= 1;
        if (running === 0) {
          signal.removeEventListener('abort', onAbort);
          handled.then(resolve, reject);
        }
      };
      for (const worker of workers) {
        worker.on('message', (answer: WorkerAnswer) => {
          handled = handled.then(() => (signal.aborted ? undefined : onAnswer(answer)));
          handled.catch(reject);
          give(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0 && !signal.aborted) reject(new Error(`A forecasting thread stopped (exit code ${code})`));
        });
        give(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  await handled;
}
