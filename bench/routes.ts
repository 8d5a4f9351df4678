// The route solver on classic capacitated instances: total distance, gap to the proven
// optimum stated in each file, and time, against Clarke–Wright savings alone measured in
// the same run. `npm run bench -- routes [--seed S] [--iterations N] [--time-limit MS] [FILE.vrp …]`;
// without files, every .vrp in shared/data/vrp/ of the repository's parent folder (or the
// nearest folder above it that has one, which finds it from a git worktree too). One JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkSolution } from '../src/main/services/routes/solver/evaluation';
import { clarkeWright } from '../src/main/services/routes/solver/savings';
import { solveVrp } from '../src/main/services/routes/solver/solve';
import { parseTsplib, tsplibProblem } from '../src/main/services/routes/solver/tsplib';
import { vrpInstanceFolder } from '../test/helpers/vrp-instances';

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`${name} needs a number`);
  return parsed;
}
const seed = option('--seed', 1);
const iterations = option('--iterations', 20_000);
const timeLimitMs = option('--time-limit', 5_000);
const files = args.length
  ? args
  : readdirSync(vrpInstanceFolder())
      .filter((file) => file.endsWith('.vrp'))
      .sort()
      .map((file) => join(vrpInstanceFolder(), file));

const gap = (distance: number, optimum: number | null) =>
  optimum ? Math.round((distance / optimum - 1) * 10_000) / 100 : null;
const used = (routes: number[][]) => routes.filter((route) => route.length).length;

const instances = files.map((file) => {
  const instance = parseTsplib(readFileSync(file, 'utf8'));
  const problem = tsplibProblem(instance);

  const baselineStarted = performance.now();
  const savings = clarkeWright(problem).toSolution();
  const baselineMs = performance.now() - baselineStarted;

  const cpuBefore = process.cpuUsage();
  const result = solveVrp(problem, { seed, iterations, timeLimitMs });
  const cpu = process.cpuUsage(cpuBefore);
  const broken = checkSolution(problem, result.solution);
  if (broken.length) throw new Error(`${instance.name}: the answer breaks the rules: ${broken.join('; ')}`);
  const row = {
    name: instance.name || basename(file),
    distance: result.solution.distance,
    optimum: instance.optimum,
    gapPercent: gap(result.solution.distance, instance.optimum),
    ms: Math.round(result.ms),
    // On a busy machine the wall time is mostly waiting for a core; the CPU time is the solver's own.
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    vehicles: used(result.solution.routes),
    iterations: result.iterations,
    baseline: {
      method: 'clarke-wright savings',
      distance: savings.distance,
      gapPercent: gap(savings.distance, instance.optimum),
      ms: Math.round(baselineMs * 10) / 10,
      vehicles: used(savings.routes),
    },
  };
  console.error(
    `${row.name}: ${row.distance} (gap ${row.gapPercent ?? '?'} %) in ${row.ms} ms; savings alone ${savings.distance} (gap ${row.baseline.gapPercent ?? '?'} %)`,
  );
  return row;
});

const gaps = instances.map((i) => i.gapPercent).filter((g): g is number => g !== null);
console.log(
  JSON.stringify({
    bench: 'routes',
    seed,
    iterations,
    timeLimitMs,
    instances,
    worstGapPercent: gaps.length ? Math.max(...gaps) : null,
    slowestMs: Math.max(...instances.map((i) => i.ms)),
  }),
);
