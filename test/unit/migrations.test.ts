import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src/main/app';
import { openDatabase } from '../../src/main/database/connection';
import { backupFolder, latestSchemaVersion } from '../../src/main/database/migrate';
import { migrations } from '../../src/main/database/migrations';
import { hashSecret } from '../../src/main/services/secrets';
import { createClient } from '../../src/shared/client';
import { tempFolder } from '../helpers/test-app';

/** A database exactly as version 0001 of the app left it, with a shop in it. */
async function databaseAtFirstMigration(path: string): Promise<void> {
  const handle = openDatabase(path);
  const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo('0001_initial');
  expect(error).toBeUndefined();
  const now = new Date().toISOString();
  handle.sqlite
    .prepare(
      `insert into users (id, username, display_name, role, secret_hash, active, created_at, updated_at)
       values ('u1', 'oldowner', 'Old Owner', 'owner', ?, 1, ?, ?)`,
    )
    .run(await hashSecret('24680'), now, now);
  handle.sqlite
    .prepare(`insert into settings (key, value, updated_at, updated_by) values ('storeName', ?, ?, 'u1')`)
    .run(JSON.stringify('茶叶铺 Tea House'), now);
  await handle.close();
}

describe('migrations', () => {
  it('creates a new database at the latest schema with the pragmas the app relies on', async () => {
    const path = join(tempFolder(), 'new.db');
    const app = await startApp({ databasePath: path });
    try {
      expect(app.migration.applied).toEqual(Object.keys(migrations));
      expect(app.migration.backupPath).toBeNull();
      expect(app.migration.schemaVersion).toBe(latestSchemaVersion());
      expect(app.handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(app.handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(app.handle.sqlite.pragma('synchronous', { simple: true })).toBe(1);
      expect(app.handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      await app.close();
    }
    expect(existsSync(backupFolder(path))).toBe(false);
  });

  it('upgrades a database made by the first migration, keeping its data, after a backup', async () => {
    const path = join(tempFolder(), 'shop.db');
    await databaseAtFirstMigration(path);

    const app = await startApp({ databasePath: path });
    try {
      expect(app.migration.applied).toEqual(Object.keys(migrations).slice(1));
      const clientWith = (token: string | null) =>
        createClient(async (op, input) =>
          app.router.call(op, input, { transport: 'http', credential: await app.router.credentialFor(token) }),
        );
      const session = await clientWith(null).auth.signIn({ username: 'oldowner', secret: '24680' });
      const owner = clientWith(session.token);
      expect((await owner.settings.get({})).storeName).toBe('茶叶铺 Tea House');
      // The new table works for the old data: an API token for the upgraded owner.
      const { apiToken } = await owner.apiTokens.create({ name: 'web shop', userId: 'u1' });
      expect(apiToken.username).toBe('oldowner');
    } finally {
      await app.close();
    }

    const backup = app.migration.backupPath;
    expect(backup).not.toBeNull();
    expect(readdirSync(backupFolder(path))).toHaveLength(1);
    const copy = new BetterSqlite3(backup as string, { readonly: true });
    try {
      const tables = copy.prepare("select name from sqlite_master where type = 'table'").all() as Array<{
        name: string;
      }>;
      expect(tables.map((t) => t.name)).not.toContain('api_tokens');
      expect(copy.prepare('select username from users').all()).toEqual([{ username: 'oldowner' }]);
    } finally {
      copy.close();
    }
  });

  it('refuses a database that a newer version has upgraded, and leaves it alone', async () => {
    const path = join(tempFolder(), 'shop.db');
    await (await startApp({ databasePath: path })).close();
    const raw = new BetterSqlite3(path);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('0999_from_the_future', 'x')").run();
    raw.close();
    await expect(startApp({ databasePath: path })).rejects.toThrow(
      /newer version of OMS \(migration 0999_from_the_future\)/,
    );
  });

  it('keeps the ten newest backups of a file and never touches another file’s', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'backups'));
    const stamp = (i: number) => `2026-01-${String(i).padStart(2, '0')}T00-00-00-000Z`;
    for (let i = 1; i <= 12; i++) writeFileSync(join(folder, 'backups', `shop.${stamp(i)}.before-0001_initial.db`), '');
    writeFileSync(join(folder, 'backups', `shop.test.${stamp(1)}.before-0001_initial.db`), '');
    await databaseAtFirstMigration(join(folder, 'shop.db'));
    await (await startApp({ databasePath: join(folder, 'shop.db') })).close();
    const left = readdirSync(join(folder, 'backups')).sort();
    expect(left).toHaveLength(11);
    expect(left).toContain(`shop.test.${stamp(1)}.before-0001_initial.db`);
    expect(left).not.toContain(`shop.${stamp(3)}.before-0001_initial.db`);
    expect(left.filter((f) => f.endsWith('before-0002_api_tokens.db'))).toHaveLength(1);
  });

  it('applies nothing and takes no backup when the database is already current', async () => {
    const path = join(tempFolder(), 'shop.db');
    await (await startApp({ databasePath: path })).close();
    const again = await startApp({ databasePath: path });
    await again.close();
    expect(again.migration.applied).toEqual([]);
    expect(again.migration.backupPath).toBeNull();
    expect(existsSync(backupFolder(path))).toBe(false);
  });
});
