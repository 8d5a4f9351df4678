import { parentPort, workerData } from 'node:worker_threads';
import type { VrpProblem } from './solver/problem';
import { solveVrp, type SolveOptions } from './solver/solve';

/** Solves one routing problem on its own thread, so the main process keeps answering while it searches. */
const { problem, options } = workerData as { problem: VrpProblem; options: SolveOptions };
parentPort?.postMessage(solveVrp(problem, options));
