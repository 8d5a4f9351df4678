import { insertStops } from './insertion';
import { localSearch } from './local-search';
import type { VrpProblem, VrpSolution } from './problem';
import { Random } from './rng';
import { nearestNeighbours, ruinStrings } from './ruin';
import { clarkeWright } from './savings';
import type { WorkingSolution } from './working-solution';

export interface SolveOptions {
  seed: number;
  /** Wall-clock limit for the whole search. */
  timeLimitMs: number;
  /**
   * A fixed number of ruin-and-recreate rounds. With it the search (and its cooling) is
   * counted in rounds, so the same seed always gives the same answer unless the time
   * limit cuts it short; without it the search cools over the time limit and uses all of it.
   */
  iterations?: number;
}

export interface SolveResult {
  solution: VrpSolution;
  /** The Clarke–Wright routes after local search, before the ruin-and-recreate rounds. */
  construction: VrpSolution;
  iterations: number;
  ms: number;
}

/**
 * Clarke–Wright savings, local search, then ruin and recreate (SISR string removal,
 * greedy insertion with blinks) with simulated-annealing acceptance; the best answer is
 * polished by local search again. Capacity and time windows are never broken.
 */
export function solveVrp(problem: VrpProblem, options: SolveOptions): SolveResult {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const random = new Random(options.seed);

  const deadline = started + options.timeLimitMs;
  const initial = clarkeWright(problem);
  localSearch(initial, deadline);
  const construction = initial.toSolution();
  if (problem.size <= 2) return { solution: construction, construction, iterations: 0, ms: elapsed() };

  const neighbours = nearestNeighbours(problem.size, problem.distance);
  const averageEdge = initial.distance() / (problem.size - 1 + initial.routes.filter((r) => r.length).length);
  const startTemperature = averageEdge;
  const endTemperature = averageEdge * 0.01;
  const shape = { averageRemoved: Math.min(10, Math.max(2, (problem.size - 1) / 4)), maxString: 10 };

  let current = initial.clone();
  let best = initial.clone();
  let rounds = 0;
  for (;;) {
    const progress = options.iterations ? rounds / options.iterations : elapsed() / options.timeLimitMs;
    if (progress >= 1 || elapsed() >= options.timeLimitMs) break;
    rounds++;
    const temperature = startTemperature * (endTemperature / startTemperature) ** progress;

    const candidate = current.clone();
    const removed = ruinStrings(candidate, neighbours, random, shape);
    const waiting = [...candidate.unassigned, ...removed];
    candidate.unassigned = [];
    insertStops(candidate, orderForInsertion(problem, waiting, random), random, 0.01);
    if (candidate.unassigned.length <= best.unassigned.length && candidate.distance() < best.distance() * 1.01)
      localSearch(candidate, deadline);

    if (accepts(candidate, current, temperature, random)) current = candidate;
    if (candidate.isBetterThan(best)) best = candidate.clone();
  }
  localSearch(best, deadline);
  return { solution: best.toSolution(), construction, iterations: rounds, ms: elapsed() };
}

/** Fewer unassigned stops always wins; at equal count, a longer answer passes with the annealing's chance. */
function accepts(candidate: WorkingSolution, current: WorkingSolution, temperature: number, random: Random): boolean {
  if (candidate.unassigned.length !== current.unassigned.length)
    return candidate.unassigned.length < current.unassigned.length;
  return candidate.distance() < current.distance() - temperature * Math.log(random.next());
}

/** SISR's insertion orders: random, biggest demand first, farthest from the depot first, nearest first. */
function orderForInsertion(problem: VrpProblem, stops: number[], random: Random): number[] {
  const pick = random.next();
  random.shuffle(stops);
  const fromDepot = (node: number) => problem.distance[node];
  const size = (node: number) => problem.demand[node].reduce((sum, d, k) => sum + d / largestCapacity(problem, k), 0);
  if (pick < 4 / 11) return stops;
  if (pick < 8 / 11) return stops.sort((a, b) => size(b) - size(a));
  if (pick < 10 / 11) return stops.sort((a, b) => fromDepot(b) - fromDepot(a));
  return stops.sort((a, b) => fromDepot(a) - fromDepot(b));
}

function largestCapacity(problem: VrpProblem, dimension: number): number {
  let largest = 0;
  for (const vehicle of problem.vehicles)
    if (Number.isFinite(vehicle.capacity[dimension])) largest = Math.max(largest, vehicle.capacity[dimension]);
  return largest || 1;
}
