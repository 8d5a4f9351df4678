import { join } from 'node:path';
import type { VrpProblem } from './solver/problem';
import type { SolveOptions, SolveResult } from './solver/solve';
import { startWorker } from '../../worker-thread';

/** Time for the thread to start and return beyond the search's own limit before it is given up. */
const GRACE_MS = 15_000;

/**
 * Runs the solver on a worker thread: `route-worker.js` built beside the entry files (this
 * code may sit in their `chunks/` folder), or the TypeScript source through tsx when
 * running from source (tests, benchmarks).
 */
export function solveInWorker(problem: VrpProblem, options: SolveOptions): Promise<SolveResult> {
  const workerData = { problem, options };
  const worker = startWorker(__dirname, 'route-worker', join(__dirname, 'route-worker.ts'), workerData);
  return new Promise<SolveResult>((resolve, reject) => {
    const watchdog = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`The route solver did not answer within ${options.timeLimitMs + GRACE_MS} ms`));
    }, options.timeLimitMs + GRACE_MS);
    worker.once('message', (result: SolveResult) => {
      clearTimeout(watchdog);
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(watchdog);
      if (code !== 0) reject(new Error(`The route solver stopped with exit code ${code}`));
    });
  });
}
