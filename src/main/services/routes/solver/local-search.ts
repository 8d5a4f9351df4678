import type { WorkingSolution } from './working-solution';

/**
 * Descends to a local optimum of five neighbourhoods, applying the first improving move
 * each finds: 2-opt within a route, Or-opt (moving a run of one to three stops, either
 * way round, within or between routes; one stop is a plain relocate), swapping two stops,
 * and 2-opt* (exchanging the tails of two routes). Capacity and windows are kept.
 */
export function localSearch(solution: WorkingSolution, deadline = Infinity): void {
  const moves = [twoOpt, orOpt, swap, twoOptStar];
  let improved = true;
  while (improved) {
    improved = false;
    for (const move of moves)
      while (move(solution)) {
        improved = true;
        // On hundreds of stops the first descent alone can take seconds: the time budget wins.
        if (performance.now() > deadline) return;
      }
  }
}

const at = (route: readonly number[], index: number) => (index < 0 || index >= route.length ? 0 : route[index]);

function twoOpt(solution: WorkingSolution): boolean {
  const { distance, size } = solution.problem;
  for (let v = 0; v < solution.routes.length; v++) {
    const route = solution.routes[v];
    for (let i = 0; i < route.length - 1; i++) {
      const before = at(route, i - 1);
      const first = route[i];
      for (let j = i + 1; j < route.length; j++) {
        const last = route[j];
        const after = at(route, j + 1);
        const delta =
          distance[before * size + last] +
          distance[first * size + after] -
          distance[before * size + first] -
          distance[last * size + after];
        if (delta >= 0) continue;
        const candidate = [...route.slice(0, i), ...route.slice(i, j + 1).reverse(), ...route.slice(j + 1)];
        if (!solution.feasible(v, candidate, solution.loads[v])) continue;
        solution.setRoute(v, candidate);
        return true;
      }
    }
  }
  return false;
}

function orOpt(solution: WorkingSolution): boolean {
  const { problem } = solution;
  const { distance, size, demand } = problem;
  const dims = demand[0].length;
  const targets = solution.targetRoutes();
  for (let from = 0; from < solution.routes.length; from++) {
    const route = solution.routes[from];
    for (let length = 1; length <= 3; length++) {
      for (let i = 0; i + length <= route.length; i++) {
        const segment = route.slice(i, i + length);
        const head = segment[0];
        const tail = segment[length - 1];
        const before = at(route, i - 1);
        const after = at(route, i + length);
        const gain = distance[before * size + head] + distance[tail * size + after] - distance[before * size + after];
        const rest = [...route.slice(0, i), ...route.slice(i + length)];
        const segmentLoad = new Array<number>(dims).fill(0);
        for (const node of segment) for (let k = 0; k < dims; k++) segmentLoad[k] += demand[node][k];
        for (const to of targets) {
          if (to === from && rest.length === 0) continue;
          if (to !== from && !fitsWith(solution.loads[to], segmentLoad, problem.vehicles[to].capacity)) continue;
          const target = to === from ? rest : solution.routes[to];
          for (let position = 0; position <= target.length; position++) {
            if (to === from && position === i) continue;
            const a = at(target, position - 1);
            const b = at(target, position);
            const base = distance[a * size + b];
            const forward = distance[a * size + head] + distance[tail * size + b] - base;
            const backward = distance[a * size + tail] + distance[head * size + b] - base;
            const reversed = backward < forward;
            if (Math.min(forward, backward) - gain >= 0) continue;
            const placed = reversed ? [...segment].reverse() : segment;
            const moved = [...target.slice(0, position), ...placed, ...target.slice(position)];
            const targetLoad =
              to === from ? solution.loads[from] : solution.loads[to].map((load, k) => load + segmentLoad[k]);
            if (to === from) {
              if (!solution.feasible(from, moved, targetLoad)) continue;
              solution.setRoute(from, moved);
            } else {
              if (!solution.feasible(to, moved, targetLoad)) continue;
              if (problem.time && !solution.feasible(from, rest, solution.loads[from])) continue;
              solution.setRoute(to, moved);
              solution.setRoute(from, rest);
            }
            return true;
          }
        }
      }
    }
  }
  return false;
}

function fitsWith(load: readonly number[], extra: readonly number[], capacity: readonly number[]): boolean {
  for (let k = 0; k < load.length; k++) if (load[k] + extra[k] > capacity[k]) return false;
  return true;
}

function swap(solution: WorkingSolution): boolean {
  const { problem } = solution;
  const { distance, size, demand } = problem;
  const routes = solution.routes;
  for (let r1 = 0; r1 < routes.length; r1++) {
    for (let r2 = r1; r2 < routes.length; r2++) {
      const a = routes[r1];
      const b = routes[r2];
      for (let i = 0; i < a.length; i++) {
        const u = a[i];
        const pu = at(a, i - 1);
        const nu = at(a, i + 1);
        for (let j = r1 === r2 ? i + 2 : 0; j < b.length; j++) {
          const w = b[j];
          const pw = at(b, j - 1);
          const nw = at(b, j + 1);
          const delta =
            distance[pu * size + w] +
            distance[w * size + nu] -
            distance[pu * size + u] -
            distance[u * size + nu] +
            distance[pw * size + u] +
            distance[u * size + nw] -
            distance[pw * size + w] -
            distance[w * size + nw];
          if (delta >= 0) continue;
          if (r1 === r2) {
            const candidate = [...a];
            candidate[i] = w;
            candidate[j] = u;
            if (!solution.feasible(r1, candidate, solution.loads[r1])) continue;
            solution.setRoute(r1, candidate);
            return true;
          }
          const loadA = solution.loads[r1].map((load, k) => load - demand[u][k] + demand[w][k]);
          const loadB = solution.loads[r2].map((load, k) => load - demand[w][k] + demand[u][k]);
          const candidateA = [...a];
          candidateA[i] = w;
          const candidateB = [...b];
          candidateB[j] = u;
          if (!solution.feasible(r1, candidateA, loadA) || !solution.feasible(r2, candidateB, loadB)) continue;
          solution.setRoute(r1, candidateA);
          solution.setRoute(r2, candidateB);
          return true;
        }
      }
    }
  }
  return false;
}

function prefixLoads(solution: WorkingSolution, route: readonly number[]): number[][] {
  const dims = solution.problem.demand[0].length;
  const prefix = [new Array<number>(dims).fill(0)];
  for (const node of route)
    prefix.push(prefix[prefix.length - 1].map((load, k) => load + solution.problem.demand[node][k]));
  return prefix;
}

function twoOptStar(solution: WorkingSolution): boolean {
  const { problem } = solution;
  const { distance, size } = problem;
  const targets = solution.targetRoutes();
  const prefixes = new Map(targets.map((v) => [v, prefixLoads(solution, solution.routes[v])]));
  for (const r1 of targets) {
    for (const r2 of targets) {
      if (r2 <= r1) continue;
      const a = solution.routes[r1];
      const b = solution.routes[r2];
      if (!a.length && !b.length) continue;
      const prefixA = prefixes.get(r1) as number[][];
      const prefixB = prefixes.get(r2) as number[][];
      const totalA = prefixA[a.length];
      const totalB = prefixB[b.length];
      // Cut a after position i (−1 = before its first stop) and b after j; swap what follows.
      for (let i = -1; i < a.length; i++) {
        const a1 = at(a, i);
        const a2 = at(a, i + 1);
        for (let j = -1; j < b.length; j++) {
          const b1 = at(b, j);
          const b2 = at(b, j + 1);
          const delta =
            distance[a1 * size + b2] + distance[b1 * size + a2] - distance[a1 * size + a2] - distance[b1 * size + b2];
          if (delta >= 0) continue;
          const loadA = prefixA[i + 1].map((load, k) => load + totalB[k] - prefixB[j + 1][k]);
          const loadB = prefixB[j + 1].map((load, k) => load + totalA[k] - prefixA[i + 1][k]);
          const candidateA = [...a.slice(0, i + 1), ...b.slice(j + 1)];
          const candidateB = [...b.slice(0, j + 1), ...a.slice(i + 1)];
          if (!solution.feasible(r1, candidateA, loadA) || !solution.feasible(r2, candidateB, loadB)) continue;
          solution.setRoute(r1, candidateA);
          solution.setRoute(r2, candidateB);
          return true;
        }
      }
    }
  }
  return false;
}
