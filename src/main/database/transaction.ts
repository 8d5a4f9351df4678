import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Runs `work` in one write transaction: all of it commits or none of it does.
 *
 * SQLite gets `BEGIN IMMEDIATE`, which takes the write lock up front: a deferred
 * transaction that reads first and writes later can fail with SQLITE_BUSY when another
 * process (the app and `npm run serve` on one file) committed in between, and the
 * busy timeout cannot help it. The PostgreSQL backend will use a plain BEGIN here.
 */
export async function inWriteTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
