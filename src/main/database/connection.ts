import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  /** The raw SQLite handle, for pragmas and online backups only; queries go through `db`. */
  sqlite: BetterSqlite3.Database;
  path: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string;
}

/**
 * Opens (or creates) the database file with the pragmas every part of the app relies on.
 *
 * WAL lets readers work while one writer commits. synchronous=NORMAL keeps every
 * committed transaction across a crash of the app (kill -9); only a power loss or OS
 * crash can lose the last few commits, and it never corrupts the file. FULL would make
 * each commit an fsync, about 100 times slower on these machines; a shop's counter
 * takes that trade every day, and the backups cover the rest.
 */
export function openDatabase(path: string, options: OpenOptions = {}): DatabaseHandle {
  const sqlite = new BetterSqlite3(path, { nativeBinding: options.nativeBinding ?? process.env.OMS_SQLITE_BINDING });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The query planner needs table statistics to pick the order grid's indexes well; a
  // shop's database grows without anyone running ANALYZE, so SQLite refreshes what is
  // stale (bounded work) when the file opens and again when it closes.
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    sqlite,
    path,
    close: async () => {
      try {
        if (sqlite.open) sqlite.pragma('optimize');
      } catch {
        // Statistics are an optimisation: a busy or read-only file still closes.
      }
      await db.destroy();
    },
  };
}

/** Prepared statements kept per SQL text; beyond this many the oldest is dropped. */
const STATEMENT_CACHE_SIZE = 500;
const MAX_CACHED_SQL_LENGTH = 4000;

/**
 * Kysely prepares every query afresh; preparing costs about as much as running a small
 * query. The same SQL text (parameters are bound separately) reuses its statement here,
 * which is safe because Kysely runs one statement at a time on this connection.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      // Bulk inserts of many rows make long, rarely repeated statements: not worth keeping.
      if (sql.length > MAX_CACHED_SQL_LENGTH) return sqlite.prepare(sql);
      const cached = cache.get(sql);
      if (cached) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}
