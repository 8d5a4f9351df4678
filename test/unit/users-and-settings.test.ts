import { describe, expect, it } from 'vitest';
import { startApp } from '../../src/main/app';
import { createClient } from '../../src/shared/client';
import { DEFAULT_SETTINGS } from '../../src/shared/domain/settings';
import { OWNER, failure, startTestApp } from '../helpers/test-app';

describe('users', () => {
  it('keeps at least one active owner', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const [owner] = await client.users.list({});
    const demote = await failure(client.users.update({ id: owner.id, role: 'manager' }));
    expect(demote.code).toBe('CONFLICT');
    expect(demote.details).toMatchObject({ reason: 'last-owner' });
    expect((await failure(client.users.update({ id: owner.id, active: false }))).code).toBe('CONFLICT');

    const second = await client.users.create({ username: 'heir', displayName: 'Heir', role: 'owner', secret: '8642' });
    // An owner who is already inactive does not count: demoting them is fine.
    await client.users.update({ id: second.id, active: false });
    expect((await client.users.update({ id: second.id, role: 'manager' })).role).toBe('manager');
    await client.users.update({ id: second.id, role: 'owner', active: true });
    const updated = await client.users.update({ id: owner.id, role: 'manager' });
    expect(updated.role).toBe('manager');
  });

  it('refuses a taken username with the field named', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const error = await failure(
      client.users.create({ username: OWNER.username.toUpperCase(), displayName: 'X', role: 'clerk', secret: '1234' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ issues: [{ path: 'username', message: 'Already taken' }] });
  });

  it('writes an audit entry naming the user for every change', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const clerk = await client.users.create({ username: 'c1', displayName: 'C', role: 'clerk', secret: '1234' });
    await client.users.resetSecret({ id: clerk.id, secret: '4321' });
    await client.settings.update({ phone: '+86 21 1234' });
    const [owner] = (await client.users.list({})).filter((u) => u.role === 'owner');
    const entries = await app.handle.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'entity_id', 'details'])
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'user.created',
      'settings.updated',
      'session.started',
      'user.created',
      'user.secret-reset',
      'settings.updated',
    ]);
    expect(entries.slice(1).every((e) => e.user_id === owner.id)).toBe(true);
    expect(JSON.parse(entries[5].details ?? '{}')).toEqual({ phone: { from: '', to: '+86 21 1234' } });
    await expect(app.signIn('c1', '4321')).resolves.toBeDefined();
  });
});

describe('settings', () => {
  it('starts from the defaults, merges partial changes and survives a restart', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    expect(await client.settings.get({})).toEqual({
      ...DEFAULT_SETTINGS,
      storeName: 'Test shop',
      currency: 'CNY',
      locale: 'en',
      pricesIncludeTax: true,
      // Each new database draws its own till code, so two new tills rarely number alike.
      terminalCode: expect.stringMatching(/^[A-Z2-9]{2}$/),
    });
    await client.settings.update({ address: { city: '上海', country: 'cn' } });
    const after = await client.settings.update({ storeName: '  莲花茶行  ', pricesIncludeTax: false });
    expect(after.address).toMatchObject({ city: '上海', country: 'CN', line1: '' });
    expect(after.storeName).toBe('莲花茶行');
    await app.close();

    const reopened = await startApp({ databasePath: app.handle.path });
    try {
      const token = (await reopened.router.call(
        'auth.signIn',
        { username: OWNER.username, secret: OWNER.secret },
        {
          transport: 'ipc',
          credential: null,
        },
      )) as { token: string };
      const owner = createClient(async (op, input) =>
        reopened.router.call(op, input, {
          transport: 'ipc',
          credential: await reopened.router.credentialFor(token.token),
        }),
      );
      expect(await owner.settings.get({})).toEqual(after);
      expect((await owner.system.info({})).transport).toBe('ipc');
    } finally {
      await reopened.close();
    }
  });
});
