import type { Random } from './rng';
import type { WorkingSolution } from './working-solution';

/**
 * Puts each stop at its cheapest feasible place, in the order given. With `blink` > 0
 * each place is skipped with that chance, which varies the answer between attempts
 * (the "blinks" of SISR). A stop with no feasible place stays unassigned.
 */
export function insertStops(solution: WorkingSolution, stops: number[], random: Random | null, blink = 0): void {
  const { problem } = solution;
  const { distance, size, demand } = problem;
  const dims = demand[0].length;
  for (const node of stops) {
    let bestVehicle = -1;
    let bestPosition = -1;
    let bestDelta = Infinity;
    for (const v of solution.targetRoutes()) {
      const route = solution.routes[v];
      const load = solution.loads[v];
      const capacity = problem.vehicles[v].capacity;
      let fits = true;
      for (let k = 0; k < dims; k++) if (load[k] + demand[node][k] > capacity[k]) fits = false;
      if (!fits) continue;
      for (let position = 0; position <= route.length; position++) {
        if (random && blink > 0 && random.next() < blink) continue;
        const before = position === 0 ? 0 : route[position - 1];
        const after = position === route.length ? 0 : route[position];
        const delta = distance[before * size + node] + distance[node * size + after] - distance[before * size + after];
        if (delta >= bestDelta) continue;
        if (problem.time) {
          const candidate = [...route.slice(0, position), node, ...route.slice(position)];
          if (!solution.feasible(v, candidate, load)) continue;
        }
        bestDelta = delta;
        bestVehicle = v;
        bestPosition = position;
      }
    }
    if (bestVehicle < 0) {
      solution.unassigned.push(node);
      continue;
    }
    const route = solution.routes[bestVehicle];
    solution.setRoute(bestVehicle, [...route.slice(0, bestPosition), node, ...route.slice(bestPosition)]);
  }
}
