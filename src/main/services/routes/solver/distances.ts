/** Distance matrices: rounded Euclidean for classic instances, great-circle metres for real stops. */

const EARTH_RADIUS_METRES = 6_371_008.8;

export interface Point {
  x: number;
  y: number;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** TSPLIB EUC_2D: the Euclidean distance rounded to the nearest integer. */
export function euclideanMatrix(points: Point[]): Int32Array {
  const size = points.length;
  const matrix = new Int32Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const d = Math.round(Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y));
      matrix[i * size + j] = d;
      matrix[j * size + i] = d;
    }
  }
  return matrix;
}

/** Great-circle (haversine) distance in metres. */
export function greatCircleMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whole metres between every pair of points, straight over the ground. */
export function greatCircleMatrix(points: LatLng[]): Int32Array {
  const size = points.length;
  const matrix = new Int32Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const d = Math.round(greatCircleMetres(points[i], points[j]));
      matrix[i * size + j] = d;
      matrix[j * size + i] = d;
    }
  }
  return matrix;
}

/** Seconds to drive each distance at an average speed, rounded up to whole seconds. */
export function travelSeconds(distance: Int32Array, kmPerHour: number): Int32Array {
  const metresPerSecond = (kmPerHour * 1000) / 3600;
  return Int32Array.from(distance, (metres) => Math.ceil(metres / metresPerSecond));
}
