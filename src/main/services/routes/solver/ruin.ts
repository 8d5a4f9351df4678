import type { Random } from './rng';
import type { WorkingSolution } from './working-solution';

/** Each stop's other stops, nearest first: where a ruin spreads from its seed. */
export function nearestNeighbours(size: number, distance: Int32Array): number[][] {
  const lists: number[][] = [[]];
  for (let node = 1; node < size; node++) {
    const others: number[] = [];
    for (let other = 1; other < size; other++) if (other !== node) others.push(other);
    others.sort((a, b) => distance[node * size + a] - distance[node * size + b] || a - b);
    lists.push(others);
  }
  return lists;
}

/** How much a ruin takes out: on average about `averageRemoved` stops, in strings of at most `maxString`. */
export interface RuinShape {
  averageRemoved: number;
  maxString: number;
}

/**
 * String removal after Christiaens & Vanden Berghe's SISR: from a random seed stop, walk
 * its nearest neighbours and cut a run of consecutive stops out of each route met, until
 * a few routes are cut. Removes the stops from the solution and returns them.
 */
export function ruinStrings(
  solution: WorkingSolution,
  neighbours: number[][],
  random: Random,
  shape: RuinShape,
): number[] {
  const routeOf = new Int32Array(solution.problem.size).fill(-1);
  let used = 0;
  let stops = 0;
  solution.routes.forEach((route, v) => {
    if (route.length) used++;
    stops += route.length;
    for (const node of route) routeOf[node] = v;
  });
  if (!stops) return [];
  const longest = Math.min(shape.maxString, stops / used);
  const routesToCut = Math.floor(random.next() * ((4 * shape.averageRemoved) / (1 + longest) - 1)) + 1;

  let seed = 1 + Math.floor(random.next() * (solution.problem.size - 1));
  while (routeOf[seed] < 0) seed = 1 + Math.floor(random.next() * (solution.problem.size - 1));
  const removed: number[] = [];
  const cut = new Set<number>();
  for (const node of [seed, ...neighbours[seed]]) {
    if (cut.size >= routesToCut) break;
    const v = routeOf[node];
    if (v < 0 || cut.has(v)) continue;
    const route = solution.routes[v];
    const length = 1 + Math.floor(random.next() * Math.min(route.length, longest));
    const position = route.indexOf(node);
    // A run of `length` that contains the node, placed at random.
    const first = Math.max(0, Math.min(route.length - length, position - Math.floor(random.next() * length)));
    const run = route.slice(first, first + length);
    for (const stop of run) routeOf[stop] = -1;
    removed.push(...run);
    solution.setRoute(v, [...route.slice(0, first), ...route.slice(first + length)]);
    cut.add(v);
  }
  return removed;
}
