import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inWriteTransaction } from '../../src/main/database/transaction';
import { toErrorBody } from '../../src/main/router/errors';
import { AppError } from '../../src/shared/errors';
import { failure, startTestApp, type TestApp } from '../helpers/test-app';

/** Every row of every table, to prove a failed call changed nothing. */
async function snapshot(app: TestApp): Promise<string> {
  const tables = app.handle.sqlite
    .prepare("select name from sqlite_master where type = 'table' order by name")
    .all() as Array<{ name: string }>;
  return JSON.stringify(tables.map(({ name }) => [name, app.handle.sqlite.prepare(`select * from "${name}"`).all()]));
}

describe('router', () => {
  it('answers an unknown operation with NOT_FOUND, prototype names included', async () => {
    const app = await startTestApp();
    for (const name of ['orders.teleport', 'settings', '__proto__.toString', 'settings.constructor', '']) {
      const error = await failure(app.router.call(name, {}, { transport: 'http', credential: null }));
      expect(error.code).toBe('NOT_FOUND');
    }
  });

  it('names every failing field of invalid input', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const error = await failure(
      client.settings.update({ storeName: '', currency: 'EURO', address: { country: 'China' } }),
    );
    expect(error.code).toBe('VALIDATION');
    const paths = (error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['storeName', 'currency', 'address.country']));
    expect(error.message).toContain('storeName');
  });

  it('enforces each operation’s roles: UNAUTHORIZED without sign-in, FORBIDDEN for the wrong role', async () => {
    const app = await startTestApp();
    const { client: owner } = await app.setUpOwner();
    await owner.users.create({ username: 'till', displayName: 'Till', role: 'clerk', secret: '1111' });
    await owner.users.create({ username: 'boxes', displayName: 'Boxes', role: 'warehouse', secret: '2222' });
    await owner.users.create({ username: 'mgr', displayName: 'Mgr', role: 'manager', secret: '3333' });
    const { client: clerk } = await app.signIn('till', '1111');
    const { client: warehouse } = await app.signIn('boxes', '2222');
    const { client: manager } = await app.signIn('mgr', '3333');

    expect((await failure(app.clientWith(null).settings.get({}))).code).toBe('UNAUTHORIZED');
    expect((await clerk.settings.get({})).storeName).toBe('Test shop');
    expect((await failure(clerk.settings.update({ storeName: 'Mine' }))).code).toBe('FORBIDDEN');
    expect((await failure(warehouse.users.list({}))).code).toBe('FORBIDDEN');
    expect((await failure(manager.apiTokens.list({}))).code).toBe('FORBIDDEN');
    expect((await manager.settings.update({ storeName: 'Managed' })).storeName).toBe('Managed');
    // A manager may hire clerks but not owners or managers.
    expect(
      (await failure(manager.users.create({ username: 'boss2', displayName: 'B', role: 'owner', secret: '1212' })))
        .code,
    ).toBe('FORBIDDEN');
  });

  it('refuses an unknown or revoked token outright instead of treating it as anonymous', async () => {
    const app = await startTestApp();
    await app.setUpOwner();
    expect((await failure(app.clientWith('made-up').auth.status({}))).code).toBe('UNAUTHORIZED');
  });

  it('a failed command changes nothing, whatever the input (property)', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const before = await snapshot(app);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // Invalid after trimming too: blank, or more than 120 characters of text.
          storeName: fc.oneof(
            fc.constant(''),
            fc.constant('   '),
            fc.string({ minLength: 121, maxLength: 200 }).filter((name) => name.trim().length > 120),
          ),
          currency: fc.oneof(fc.string({ maxLength: 6 }), fc.constant('CNY')),
          pricesIncludeTax: fc.boolean(),
        }),
        async (change) => {
          const error = await failure(client.settings.update(change));
          expect(error.code).toBe('VALIDATION');
          expect(await snapshot(app)).toBe(before);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rolls back every write of a transaction that fails part-way', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const before = await snapshot(app);
    await expect(
      inWriteTransaction(app.handle.db, async (trx) => {
        await trx.updateTable('users').set({ display_name: 'Changed' }).execute();
        await trx
          .insertInto('audit_log')
          .values({ id: 'x', at: 'now', user_id: null, action: 'a', entity: 'e', entity_id: null, details: null })
          .execute();
        throw new AppError('INSUFFICIENT_STOCK', 'simulated failure after two writes');
      }),
    ).rejects.toThrow('simulated failure');
    expect(await snapshot(app)).toBe(before);
    expect((await client.users.list({}))[0].displayName).toBe('Boss');
  });

  it('keeps the text and stack of unexpected errors out of what clients see', () => {
    const logged: unknown[] = [];
    const body = toErrorBody(new TypeError('secret internals at /home/shop/x.ts:12'), (e) => logged.push(e));
    expect(body).toEqual({ code: 'INTERNAL', message: 'Internal error: the operation was not carried out' });
    expect(logged).toHaveLength(1);
  });
});
