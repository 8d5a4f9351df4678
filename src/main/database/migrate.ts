import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Migrator, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './connection';
import { migrations } from './migrations';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** How many automatic pre-migration backups to keep per database file. */
const KEEP_BACKUPS = 10;

export interface MigrationReport {
  applied: string[];
  /** The copy taken before migrating an existing database, if one was needed. */
  backupPath: string | null;
  schemaVersion: string;
}

export function latestSchemaVersion(): string {
  return Object.keys(migrations).at(-1) ?? 'none';
}

/**
 * Brings the database to the latest schema. When an existing database has pending
 * migrations, an online backup is written beside it first, so a failed upgrade can
 * always be undone by hand. A failed migration throws and the app does not start.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationReport> {
  await refuseNewerDatabase(handle);
  const migrator = new Migrator({ db: handle.db, provider });
  const pending = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined);
  if (pending.length === 0) return { applied: [], backupPath: null, schemaVersion: latestSchemaVersion() };

  const backupPath = hasTables(handle) ? await backupBeforeMigration(handle, pending[0].name) : null;
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed; the database was left at its previous version` +
        (backupPath ? ` and a backup is at ${backupPath}` : ''),
      { cause: error },
    );
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    backupPath,
    schemaVersion: latestSchemaVersion(),
  };
}

export async function currentSchemaVersion(handle: DatabaseHandle): Promise<string> {
  const all = await new Migrator({ db: handle.db, provider }).getMigrations();
  return all.filter((m) => m.executedAt !== undefined).at(-1)?.name ?? 'none';
}

/**
 * A database that a newer version of the app has upgraded may hold columns and rules
 * this version does not know; writing to it could break it. Refuse to open it.
 */
async function refuseNewerDatabase(handle: DatabaseHandle): Promise<void> {
  const table = handle.sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!table) return;
  const applied = handle.sqlite.prepare('select name from kysely_migration order by name').all() as Array<{
    name: string;
  }>;
  const unknown = applied.map((row) => row.name).filter((name) => !Object.hasOwn(migrations, name));
  if (unknown.length > 0) {
    throw new Error(
      `${handle.path} was upgraded by a newer version of OMS (migration ${unknown.join(', ')}); ` +
        'open it with that version or newer',
    );
  }
}

function hasTables(handle: DatabaseHandle): boolean {
  const row = handle.sqlite
    .prepare("select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}

export function backupFolder(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

async function backupBeforeMigration(handle: DatabaseHandle, firstPending: string): Promise<string> {
  const folder = backupFolder(handle.path);
  mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = basename(handle.path).replace(/\.[^.]*$/, '');
  const target = join(folder, `${name}.${stamp}.before-${firstPending}.db`);
  await handle.sqlite.backup(target);
  pruneBackups(folder, name);
  return target;
}

function pruneBackups(folder: string, name: string): void {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}\\.\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z\\.before-[\\w-]+\\.db$`);
  const ours = readdirSync(folder)
    .filter((file) => pattern.test(file))
    .sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - KEEP_BACKUPS))) rmSync(join(folder, old));
}
