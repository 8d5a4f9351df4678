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
      // SQLite may have rolled back already (an I/O or busy error ends the transaction);
      // the error worth reporting is the first one, never the failed rollback's.
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}
