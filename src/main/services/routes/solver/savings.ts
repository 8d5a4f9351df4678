import { fitsCapacity, meetsWindows, routeLoad } from './evaluation';
import { insertStops } from './insertion';
import type { VrpProblem } from './problem';
import { WorkingSolution } from './working-solution';

/**
 * Clarke–Wright savings (the parallel version): start with one route per stop, then join
 * route ends in order of the distance saved, d(0,i) + d(0,j) − d(i,j), while the joined
 * route fits a vehicle. The routes then go to vehicles, biggest load first; stops on
 * routes left without a vehicle are inserted where they fit, or stay unassigned.
 */
export function clarkeWright(problem: VrpProblem): WorkingSolution {
  const { size, distance, vehicles } = problem;
  const dims = problem.demand[0].length;
  const largest = Array.from({ length: dims }, (_, k) => Math.max(...vehicles.map((v) => v.capacity[k])));
  const earliest = vehicles.reduce((best, v, index) => (v.start < vehicles[best].start ? index : best), 0);
  // A stand-in vehicle with the largest capacity and the earliest start decides which joins may work.
  const probe: VrpProblem = { ...problem, vehicles: [{ capacity: largest, start: vehicles[earliest].start }] };

  const routeOf = new Int32Array(size).fill(-1);
  const routes: Array<number[] | null> = [];
  for (let node = 1; node < size; node++) {
    routeOf[node] = routes.length;
    routes.push([node]);
  }

  const savings: Array<[number, number, number]> = [];
  for (let i = 1; i < size; i++)
    for (let j = i + 1; j < size; j++) {
      const saving = distance[i] + distance[j] - distance[i * size + j];
      if (saving > 0) savings.push([saving, i, j]);
    }
  savings.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);

  for (const [, i, j] of savings) {
    const a = routeOf[i];
    const b = routeOf[j];
    if (a === b) continue;
    const left = routes[a] as number[];
    const right = routes[b] as number[];
    const leftEndsWithI = left[left.length - 1] === i ? left : left[0] === i ? [...left].reverse() : null;
    const rightStartsWithJ = right[0] === j ? right : right[right.length - 1] === j ? [...right].reverse() : null;
    if (!leftEndsWithI || !rightStartsWithJ) continue;
    const joined = [...leftEndsWithI, ...rightStartsWithJ];
    if (!fitsCapacity(routeLoad(problem, joined), largest) || !meetsWindows(probe, 0, joined)) continue;
    routes[a] = joined;
    routes[b] = null;
    for (const node of rightStartsWithJ) routeOf[node] = a;
  }

  const built = routes.filter((route): route is number[] => route !== null);
  const loadShare = (route: number[]) =>
    routeLoad(problem, route).reduce((sum, load, k) => sum + (Number.isFinite(largest[k]) ? load / largest[k] : 0), 0);
  built.sort((x, y) => loadShare(y) - loadShare(x) || x[0] - y[0]);

  const assigned: number[][] = vehicles.map(() => []);
  const leftOver: number[] = [];
  const free = new Set(vehicles.keys());
  for (const route of built) {
    const load = routeLoad(problem, route);
    const fitting = [...free].filter(
      (v) => fitsCapacity(load, vehicles[v].capacity) && meetsWindows(problem, v, route),
    );
    if (!fitting.length) {
      leftOver.push(...route);
      continue;
    }
    // The smallest vehicle that takes it, so the big ones stay for the big routes.
    const spare = (v: number) =>
      vehicles[v].capacity.reduce((sum, c, k) => sum + (Number.isFinite(c) ? c - load[k] : 0), 0);
    const v = fitting.reduce((best, candidate) => (spare(candidate) < spare(best) ? candidate : best));
    assigned[v] = route;
    free.delete(v);
  }
  const solution = new WorkingSolution(problem, assigned, []);
  insertStops(solution, leftOver, null);
  return solution;
}
