import type { DemandBucket } from '../../../shared/domain/forecasts';

/**
 * Calendar arithmetic on the shop's days, each a whole number of days since 1970-01-01
 * of its own calendar (not of UTC), so daylight-saving changes never shift a bucket.
 */
const DAY_MS = 86_400_000;

/** The shop's calendar day (this machine's local date) of a UTC instant. */
export function localDayOf(instant: Date): number {
  return Math.round(Date.UTC(instant.getFullYear(), instant.getMonth(), instant.getDate()) / DAY_MS);
}

export function dayOfIsoDate(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the bucket holding `day`: itself, the Monday of its ISO week, the 1st of its month. */
export function bucketStart(day: number, bucket: DemandBucket): number {
  if (bucket === 'day') return day;
  const date = new Date(day * DAY_MS);
  if (bucket === 'week') return day - ((date.getUTCDay() + 6) % 7);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS);
}

/** The first day of the bucket after the one starting on `start`. */
export function nextBucketStart(start: number, bucket: DemandBucket): number {
  if (bucket === 'day') return start + 1;
  if (bucket === 'week') return start + 7;
  const date = new Date(start * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS);
}

/** Starts of the buckets from the one holding `from` up to, not including, the one holding `until`. */
export function bucketStarts(from: number, until: number, bucket: DemandBucket): number[] {
  const starts: number[] = [];
  const end = bucketStart(until, bucket);
  for (let start = bucketStart(from, bucket); start < end; start = nextBucketStart(start, bucket)) starts.push(start);
  return starts;
}
