import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Ids of products whose SKU, barcode or name contains `term`, through SQLite's FTS5
 * trigram index (any language, Chinese included). The trigram index needs three
 * characters; shorter terms fall back to a LIKE scan, fine for one- or two-character
 * searches. This file is where the PostgreSQL backend will use pg_trgm instead.
 */
export function productIdsMatching(db: Kysely<Database>, term: string) {
  const trimmed = term.trim();
  if ([...trimmed].length >= 3) {
    const phrase = `"${trimmed.replaceAll('"', '""')}"`;
    return db
      .selectFrom('product_search')
      .select('product_id')
      .where(sql<boolean>`product_search match ${phrase}`);
  }
  const pattern = `%${trimmed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('products')
    .select('id as product_id')
    .where(
      sql<boolean>`(name like ${pattern} escape '\\' or sku like ${pattern} escape '\\' or coalesce(barcode, '') like ${pattern} escape '\\')`,
    );
}
