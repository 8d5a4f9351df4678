import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    path,
    close: async () => {
      await db.destroy();
    },
  };
}
