import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { vrpInstanceFolder } from '../helpers/vrp-instances';
import { describe, expect, it } from 'vitest';
import { euclideanMatrix, greatCircleMetres, travelSeconds } from '../../src/main/services/routes/solver/distances';
import { checkSolution, routeDistance, schedule } from '../../src/main/services/routes/solver/evaluation';
import type { VrpProblem } from '../../src/main/services/routes/solver/problem';
import { solveVrp } from '../../src/main/services/routes/solver/solve';
import { parseTsplib, tsplibProblem } from '../../src/main/services/routes/solver/tsplib';

const SMALL_VRP = [
  'NAME : tiny',
  'COMMENT : a hand-made instance; Optimal value: 40',
  'TYPE : CVRP',
  'DIMENSION : 4',
  'EDGE_WEIGHT_TYPE : EUC_2D',
  'CAPACITY : 10',
  'NODE_COORD_SECTION',
  '1 5 9',
  '2 0 0',
  '3 10 0',
  '4 5 5',
  'DEMAND_SECTION',
  '1 4',
  '2 7',
  '3 3',
  '4 0',
  'DEPOT_SECTION',
  '4',
  '-1',
  'EOF',
].join('\n');

const sharedInstance = (name: string) => parseTsplib(readFileSync(join(vrpInstanceFolder(), `${name}.vrp`), 'utf8'));

interface Instance {
  points: Array<{ x: number; y: number }>;
  demands: number[];
  capacity: number;
  vehicles: number;
  windows?: Array<[number, number] | null>;
  service: number;
}

function problemOf(instance: Instance): VrpProblem {
  const distance = euclideanMatrix(instance.points);
  return {
    size: instance.points.length,
    distance,
    demand: instance.demands.map((d) => [d]),
    vehicles: Array.from({ length: instance.vehicles }, () => ({ capacity: [instance.capacity], start: 0 })),
    time: instance.windows
      ? {
          travel: distance,
          windows: instance.windows,
          service: instance.points.map((_, node) => (node === 0 ? 0 : instance.service)),
        }
      : undefined,
  };
}

/**
 * The exact optimum: every order of every subset of stops as one route, then the
 * cheapest split of all stops into at most as many routes as there are vehicles.
 */
function bruteForce(problem: VrpProblem): number {
  const stops = problem.size - 1;
  const full = (1 << stops) - 1;
  const routeCost = new Array<number>(full + 1).fill(Infinity);
  routeCost[0] = 0;
  const permute = (items: number[], prefix: number[], visit: (route: number[]) => void): void => {
    if (!items.length) return visit(prefix);
    items.forEach((item, i) => permute([...items.slice(0, i), ...items.slice(i + 1)], [...prefix, item], visit));
  };
  for (let set = 1; set <= full; set++) {
    const nodes = Array.from({ length: stops }, (_, i) => i + 1).filter((node) => set & (1 << (node - 1)));
    const load = nodes.reduce((sum, node) => sum + problem.demand[node][0], 0);
    if (load > problem.vehicles[0].capacity[0]) continue;
    permute(nodes, [], (route) => {
      if (problem.time && !schedule(problem, 0, route)) return;
      routeCost[set] = Math.min(routeCost[set], routeDistance(problem, route));
    });
  }
  let best = [...routeCost];
  for (let k = 2; k <= problem.vehicles.length; k++) {
    const next = [...best];
    for (let set = 1; set <= full; set++) {
      const lowest = set & -set;
      for (let part = set; part > 0; part = (part - 1) & set)
        if (part & lowest) next[set] = Math.min(next[set], routeCost[part] + best[set ^ part]);
    }
    best = next;
  }
  return best[full];
}

const instanceArbitrary = (withWindows: boolean, maxStops: number): fc.Arbitrary<Instance> =>
  fc.integer({ min: 1, max: maxStops }).chain((stops) =>
    fc.record({
      points: fc.array(fc.record({ x: fc.integer({ min: 0, max: 100 }), y: fc.integer({ min: 0, max: 100 }) }), {
        minLength: stops + 1,
        maxLength: stops + 1,
      }),
      demands: fc
        .array(fc.integer({ min: 1, max: 9 }), { minLength: stops, maxLength: stops })
        .map((demands) => [0, ...demands]),
      capacity: fc.integer({ min: 9, max: 25 }),
      vehicles: fc.integer({ min: 1, max: 4 }),
      windows: withWindows
        ? fc
            .array(
              fc.option(
                fc
                  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 150 }))
                  .map(([open, width]): [number, number] => [open, open + width]),
                { nil: null },
              ),
              { minLength: stops, maxLength: stops },
            )
            .map((windows) => [null, ...windows])
        : fc.constant(undefined),
      service: fc.integer({ min: 0, max: 10 }),
    }),
  );

describe('TSPLIB instances', () => {
  it('reads the header, sections and the optimum, and puts the depot first', () => {
    const instance = parseTsplib(SMALL_VRP);
    expect(instance).toEqual({
      name: 'tiny',
      capacity: 10,
      optimum: 40,
      points: [
        { x: 5, y: 5 },
        { x: 5, y: 9 },
        { x: 0, y: 0 },
        { x: 10, y: 0 },
      ],
      demands: [0, 4, 7, 3],
    });
    const problem = tsplibProblem(instance);
    // Rounded Euclidean: (5,5)→(5,9) is 4, (5,5)→(0,0) is 7.07 → 7, (0,0)→(10,0) is 10.
    expect(problem.distance[1]).toBe(4);
    expect(problem.distance[2]).toBe(7);
    expect(problem.distance[2 * 4 + 3]).toBe(10);
  });

  it('reads the shared instances with their stated optimum', () => {
    const instance = sharedInstance('A-n32-k5');
    expect(instance.name).toBe('A-n32-k5');
    expect(instance.optimum).toBe(784);
    expect(instance.capacity).toBe(100);
    expect(instance.points).toHaveLength(32);
    expect(instance.points[0]).toEqual({ x: 82, y: 76 });
    expect(instance.demands[0]).toBe(0);
    expect(instance.demands.slice(1).every((d) => d > 0)).toBe(true);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseTsplib(SMALL_VRP.replace('EUC_2D', 'GEO'))).toThrow(/EUC_2D only/);
    expect(() => parseTsplib(SMALL_VRP.replace('CAPACITY : 10\n', ''))).toThrow(/CAPACITY/);
    expect(() => parseTsplib(SMALL_VRP.replace('DIMENSION : 4', 'DIMENSION : 5'))).toThrow(/DIMENSION/);
    expect(() => parseTsplib(SMALL_VRP.replace('3 10 0', '3 10 x'))).toThrow(/Not a number/);
  });
});

describe('distances', () => {
  it('measures the great circle in metres and drive times in whole seconds', () => {
    // One degree of latitude is about 111.2 km anywhere.
    expect(greatCircleMetres({ lat: 31, lng: 121 }, { lat: 32, lng: 121 })).toBeCloseTo(111_195, -1);
    // Shanghai People's Square to the Bund: about 1.9 km.
    const metres = greatCircleMetres({ lat: 31.2304, lng: 121.4737 }, { lat: 31.2401, lng: 121.4905 });
    expect(metres).toBeGreaterThan(1_800);
    expect(metres).toBeLessThan(2_000);
    // 36 km/h is 10 m/s: 1,001 m takes 101 s (rounded up).
    expect([...travelSeconds(Int32Array.from([0, 1001]), 36)]).toEqual([0, 101]);
  });
});

describe('the solver', () => {
  it('finds the brute-forced optimum of small capacitated instances, where the construction alone often misses it', () => {
    let constructionMissed = 0;
    fc.assert(
      fc.property(instanceArbitrary(false, 8), (instance) => {
        const problem = problemOf(instance);
        const optimum = bruteForce(problem);
        const { solution, construction } = solveVrp(problem, { seed: 7, iterations: 300, timeLimitMs: 10_000 });
        expect(checkSolution(problem, solution)).toEqual([]);
        if (Number.isFinite(optimum)) {
          expect(solution.unassigned).toEqual([]);
          expect(solution.distance).toBe(optimum);
          if (construction.unassigned.length || construction.distance > optimum) constructionMissed++;
        } else expect(solution.unassigned.length).toBeGreaterThan(0);
      }),
      { numRuns: 60, seed: 20261127 },
    );
    expect(constructionMissed).toBeGreaterThan(0);
  });

  it('finds the brute-forced optimum with time windows and service times', () => {
    fc.assert(
      fc.property(instanceArbitrary(true, 6), (instance) => {
        const problem = problemOf(instance);
        const optimum = bruteForce(problem);
        const { solution } = solveVrp(problem, { seed: 3, iterations: 300, timeLimitMs: 10_000 });
        expect(checkSolution(problem, solution)).toEqual([]);
        if (Number.isFinite(optimum)) {
          expect(solution.unassigned).toEqual([]);
          expect(solution.distance).toBe(optimum);
        } else expect(solution.unassigned.length).toBeGreaterThan(0);
      }),
      { numRuns: 40, seed: 4242 },
    );
  });

  it('keeps every rule on larger random instances: each stop once, capacity, windows, a limited fleet', () => {
    fc.assert(
      fc.property(instanceArbitrary(true, 40), fc.integer({ min: 0, max: 1000 }), (instance, seed) => {
        const problem = problemOf(instance);
        const { solution, construction } = solveVrp(problem, { seed, iterations: 200, timeLimitMs: 10_000 });
        expect(checkSolution(problem, construction)).toEqual([]);
        expect(checkSolution(problem, solution)).toEqual([]);
        expect(solution.routes).toHaveLength(instance.vehicles);
        expect(solution.unassigned.length).toBeLessThanOrEqual(construction.unassigned.length);
      }),
      { numRuns: 30, seed: 99 },
    );
  });

  it('weighs two capacity dimensions across a mixed fleet', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
      { x: -10, y: 0 },
    ];
    const problem: VrpProblem = {
      size: 5,
      distance: euclideanMatrix(points),
      // Grams and litres: stop 1 is light but bulky, stop 2 heavy and small.
      demand: [
        [0, 0],
        [1_000, 800],
        [30_000, 10],
        [2_000, 100],
        [2_000, 100],
      ],
      vehicles: [
        { capacity: [100_000, 500], start: 0 },
        { capacity: [5_000, Infinity], start: 0 },
      ],
    };
    const { solution } = solveVrp(problem, { seed: 1, iterations: 200, timeLimitMs: 10_000 });
    expect(checkSolution(problem, solution)).toEqual([]);
    // Only the van without a volume limit takes the bulky stop; only the truck the heavy one.
    expect(solution.routes[1]).toContain(1);
    expect(solution.routes[0]).toContain(2);
    expect(solution.unassigned).toEqual([]);
  });

  it('answers the same for the same seed, and differently for others', () => {
    const problem = tsplibProblem(sharedInstance('B-n41-k6'));
    const run = (seed: number) => solveVrp(problem, { seed, iterations: 300, timeLimitMs: 60_000 }).solution;
    expect(run(5)).toEqual(run(5));
    const answers = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(run(seed).routes)));
    expect(answers.size).toBeGreaterThan(1);
  });

  it('stops at the time limit with a valid answer no longer than the construction', () => {
    const problem = tsplibProblem(sharedInstance('B-n41-k6'));
    const result = solveVrp(problem, { seed: 1, timeLimitMs: 300 });
    expect(result.iterations).toBeGreaterThan(0);
    expect(checkSolution(problem, result.solution)).toEqual([]);
    expect(result.solution.distance).toBeLessThanOrEqual(result.construction.distance);
  });
});
