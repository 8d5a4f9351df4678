/**
 * Rows per multi-row statement and ids per IN list: 500 stays well inside SQLite's and
 * PostgreSQL's bound-parameter limits even for wide rows.
 */
export const CHUNK = 500;

/** The items in consecutive slices of at most `size`. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
