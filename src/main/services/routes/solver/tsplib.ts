import { euclideanMatrix, type Point } from './distances';
import type { VrpProblem } from './problem';

/** A capacitated instance in TSPLIB's `.vrp` format (EUC_2D). */
export interface TsplibInstance {
  name: string;
  capacity: number;
  /** The optimum stated in the COMMENT line ("optimal value 784", "Optimal value: 784"), if any. */
  optimum: number | null;
  /** Node coordinates, depot first (renumbered so the depot is index 0). */
  points: Point[];
  demands: number[];
}

/** Reads NAME, CAPACITY, COMMENT, NODE_COORD_SECTION, DEMAND_SECTION and DEPOT_SECTION; one depot. */
export function parseTsplib(text: string): TsplibInstance {
  const header = new Map<string, string>();
  const coords = new Map<number, Point>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section: 'coords' | 'demands' | 'depots' | null = null;

  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line === 'EOF') continue;
    if (/^NODE_COORD_SECTION\b/.test(line)) section = 'coords';
    else if (/^DEMAND_SECTION\b/.test(line)) section = 'demands';
    else if (/^DEPOT_SECTION\b/.test(line)) section = 'depots';
    else if (/^[A-Z_]+\s*:/.test(line)) {
      const colon = line.indexOf(':');
      header.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      section = null;
    } else if (/^[A-Z_]+$/.test(line)) section = null;
    else if (section) {
      const fields = line.split(/\s+/).map(Number);
      if (fields.some((value) => !Number.isFinite(value))) throw new Error(`Not a number in "${line}"`);
      if (section === 'coords') coords.set(fields[0], { x: fields[1], y: fields[2] });
      else if (section === 'demands') demands.set(fields[0], fields[1]);
      else if (fields[0] >= 0) depots.push(fields[0]);
    }
  }

  const weightType = header.get('EDGE_WEIGHT_TYPE') ?? 'EUC_2D';
  if (weightType !== 'EUC_2D') throw new Error(`EDGE_WEIGHT_TYPE ${weightType} is not supported (EUC_2D only)`);
  const capacity = Number(header.get('CAPACITY'));
  if (!(capacity > 0)) throw new Error('CAPACITY is missing');
  const dimension = Number(header.get('DIMENSION') ?? coords.size);
  if (coords.size !== dimension) throw new Error(`DIMENSION is ${dimension} but ${coords.size} nodes have coordinates`);
  const depot = depots[0] ?? 1;
  if (depots.length > 1) throw new Error('Only one depot is supported');
  if (!coords.has(depot)) throw new Error(`The depot ${depot} has no coordinates`);

  const ids = [depot, ...[...coords.keys()].filter((id) => id !== depot).sort((a, b) => a - b)];
  const optimum = /optimal\s+value\s*:?\s*(\d+(?:\.\d+)?)/i.exec(header.get('COMMENT') ?? '');
  return {
    name: header.get('NAME') ?? 'unnamed',
    capacity,
    optimum: optimum ? Number(optimum[1]) : null,
    points: ids.map((id) => coords.get(id) as Point),
    demands: ids.map((id) => (id === depot ? 0 : (demands.get(id) ?? 0))),
  };
}

/** The instance as a problem with a fleet big enough for one stop per vehicle (the classic CVRP). */
export function tsplibProblem(instance: TsplibInstance): VrpProblem {
  const size = instance.points.length;
  return {
    size,
    distance: euclideanMatrix(instance.points),
    demand: instance.demands.map((d) => [d]),
    vehicles: Array.from({ length: Math.max(1, size - 1) }, () => ({ capacity: [instance.capacity], start: 0 })),
  };
}
