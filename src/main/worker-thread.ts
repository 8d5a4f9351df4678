import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread. Built, the worker is `<builtName>.js` beside the entry files;
 * the calling module may have been bundled into their `chunks/` folder, one level down,
 * so both are looked in. Run from source (tests, tsx scripts, the benchmarks), the
 * worker loads its TypeScript `source` through tsx.
 */
export function startWorker(callerDir: string, builtName: string, source: string, workerData?: unknown): Worker {
  const built = [join(callerDir, `${builtName}.js`), join(callerDir, '..', `${builtName}.js`)].find(existsSync);
  if (built) return new Worker(built, { workerData });
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true, workerData });
}
