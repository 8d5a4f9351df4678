import { fitsCapacity, meetsWindows, routeDistance, routeLoad } from './evaluation';
import type { VrpProblem, VrpSolution } from './problem';

/** A solution being improved: each vehicle's route with its load and distance kept up to date. */
export class WorkingSolution {
  readonly routes: number[][];
  readonly loads: number[][];
  readonly costs: number[];
  unassigned: number[];

  /** Per vehicle, the first vehicle with the same capacity and start: empty routes of one kind are interchangeable. */
  private readonly kindOf: number[];

  constructor(
    readonly problem: VrpProblem,
    routes: number[][],
    unassigned: number[],
    copied?: { loads: number[][]; costs: number[]; kindOf: number[] },
  ) {
    this.routes = routes.map((route) => [...route]);
    this.loads = copied ? copied.loads.map((load) => [...load]) : this.routes.map((route) => routeLoad(problem, route));
    this.costs = copied
      ? [...copied.costs]
      : this.routes.map((route) => (route.length ? routeDistance(problem, route) : 0));
    this.unassigned = [...unassigned];
    this.kindOf = copied?.kindOf ?? vehicleKinds(problem);
  }

  clone(): WorkingSolution {
    return new WorkingSolution(this.problem, this.routes, this.unassigned, {
      loads: this.loads,
      costs: this.costs,
      kindOf: this.kindOf,
    });
  }

  distance(): number {
    let total = 0;
    for (const cost of this.costs) total += cost;
    return total;
  }

  /** Fewer unassigned stops first, then less distance. */
  isBetterThan(other: WorkingSolution): boolean {
    if (this.unassigned.length !== other.unassigned.length) return this.unassigned.length < other.unassigned.length;
    return this.distance() < other.distance();
  }

  setRoute(v: number, route: number[]): void {
    this.routes[v] = route;
    this.loads[v] = routeLoad(this.problem, route);
    this.costs[v] = route.length ? routeDistance(this.problem, route) : 0;
  }

  /** Whether vehicle v could drive this sequence: capacity and time windows. */
  feasible(v: number, route: readonly number[], load: readonly number[]): boolean {
    return fitsCapacity(load, this.problem.vehicles[v].capacity) && meetsWindows(this.problem, v, route);
  }

  /**
   * The routes worth trying as targets: every used one, and of the empty ones only the
   * first of each kind of vehicle (capacity and start), since the others are the same.
   */
  targetRoutes(): number[] {
    const targets: number[] = [];
    const seenEmpty = new Set<number>();
    for (let v = 0; v < this.routes.length; v++) {
      if (this.routes[v].length) targets.push(v);
      else if (!seenEmpty.has(this.kindOf[v])) {
        seenEmpty.add(this.kindOf[v]);
        targets.push(v);
      }
    }
    return targets;
  }

  toSolution(): VrpSolution {
    return {
      routes: this.routes.map((route) => [...route]),
      unassigned: [...this.unassigned].sort((a, b) => a - b),
      distance: this.distance(),
    };
  }
}

function vehicleKinds(problem: VrpProblem): number[] {
  const first = new Map<string, number>();
  return problem.vehicles.map((vehicle, v) => {
    const kind = `${vehicle.capacity.join(',')}@${vehicle.start}`;
    if (!first.has(kind)) first.set(kind, v);
    return first.get(kind) as number;
  });
}
