/**
 * A vehicle routing problem as the solver sees it: node 0 is the depot, nodes 1…n−1 are
 * stops. Distances are integers (metres, or an instance's rounded units) so costs compare
 * exactly; times are integer seconds.
 */
export interface VrpProblem {
  /** Number of nodes, depot included. */
  size: number;
  /** size × size, row-major: distance[from * size + to]. */
  distance: Int32Array;
  /** Per node, its demand in each capacity dimension (e.g. grams and cubic centimetres); the depot's is zeros. */
  demand: number[][];
  /** The fleet; a vehicle may stay unused. */
  vehicles: VrpVehicle[];
  /** Present only when some stop has a time window. */
  time?: VrpTiming;
}

export interface VrpVehicle {
  /** Per capacity dimension; Infinity where the vehicle has no limit in that dimension. */
  capacity: number[];
  /** Seconds from midnight when it leaves the depot (only used with time windows). */
  start: number;
}

export interface VrpTiming {
  /** size × size seconds, row-major, like `distance`. */
  travel: Int32Array;
  /** Per node: [earliest, latest] arrival in seconds from midnight, or null for any time. */
  windows: Array<readonly [number, number] | null>;
  /** Per node: seconds spent at the stop. */
  service: number[];
}

/** The solver's answer: `routes[v]` is vehicle v's stops in order (possibly none). */
export interface VrpSolution {
  routes: number[][];
  /** Stops no vehicle could take within capacity and windows. */
  unassigned: number[];
  distance: number;
}
