import type { VrpProblem, VrpSolution } from './problem';

/** Distance of one route from the depot through its stops and back. */
export function routeDistance(problem: VrpProblem, route: readonly number[]): number {
  const { distance, size } = problem;
  let total = 0;
  let previous = 0;
  for (const node of route) {
    total += distance[previous * size + node];
    previous = node;
  }
  return total + distance[previous * size];
}

export function totalDistance(problem: VrpProblem, routes: readonly (readonly number[])[]): number {
  let total = 0;
  for (const route of routes) if (route.length) total += routeDistance(problem, route);
  return total;
}

export function routeLoad(problem: VrpProblem, route: readonly number[]): number[] {
  const load = new Array<number>(problem.demand[0].length).fill(0);
  for (const node of route) {
    const demand = problem.demand[node];
    for (let k = 0; k < load.length; k++) load[k] += demand[k];
  }
  return load;
}

export function fitsCapacity(load: readonly number[], capacity: readonly number[]): boolean {
  for (let k = 0; k < load.length; k++) if (load[k] > capacity[k]) return false;
  return true;
}

/**
 * Arrival second at each stop when vehicle `v` drives the route, waiting where it comes
 * before a window opens; null if it would miss a window.
 */
export function schedule(problem: VrpProblem, v: number, route: readonly number[]): number[] | null {
  const timing = problem.time;
  if (!timing) return null;
  const { travel, windows, service } = timing;
  const size = problem.size;
  const arrivals: number[] = [];
  let clock = problem.vehicles[v].start;
  let previous = 0;
  for (const node of route) {
    clock += travel[previous * size + node];
    const window = windows[node];
    if (window) {
      if (clock > window[1]) return null;
      if (clock < window[0]) clock = window[0];
    }
    arrivals.push(clock);
    clock += service[node];
    previous = node;
  }
  return arrivals;
}

/** Whether vehicle `v` can drive the route within every window (always true without windows). */
export function meetsWindows(problem: VrpProblem, v: number, route: readonly number[]): boolean {
  return !problem.time || schedule(problem, v, route) !== null;
}

/**
 * Every rule an answer must keep: each stop exactly once (in a route or unassigned),
 * each route within its vehicle's capacity and the stops' windows, and the stated
 * distance equal to the routes' distance. Returns the broken rules (empty when valid).
 */
export function checkSolution(problem: VrpProblem, solution: VrpSolution): string[] {
  const problems: string[] = [];
  const seen = new Array<number>(problem.size).fill(0);
  if (solution.routes.length > problem.vehicles.length) problems.push('more routes than vehicles');
  solution.routes.forEach((route, v) => {
    for (const node of route) seen[node]++;
    const vehicle = problem.vehicles[v];
    if (vehicle && !fitsCapacity(routeLoad(problem, route), vehicle.capacity))
      problems.push(`route ${v} is over capacity`);
    if (vehicle && !meetsWindows(problem, v, route)) problems.push(`route ${v} misses a time window`);
  });
  for (const node of solution.unassigned) seen[node]++;
  if (seen[0] !== 0) problems.push('the depot is visited as a stop');
  for (let node = 1; node < problem.size; node++)
    if (seen[node] !== 1) problems.push(`stop ${node} appears ${seen[node]} times`);
  const distance = totalDistance(problem, solution.routes);
  if (distance !== solution.distance) problems.push(`distance is ${distance}, stated ${solution.distance}`);
  return problems;
}
