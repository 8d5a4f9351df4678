import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from '../../src/main/services/secrets';
import { SignInThrottle } from '../../src/main/services/sign-in-throttle';
import { OWNER, failure, startTestApp } from '../helpers/test-app';

describe('secrets', () => {
  it('hashes with scrypt and a random salt, and verifies only the right secret', async () => {
    const [a, b] = [await hashSecret('1234'), await hashSecret('1234')];
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifySecret('1234', a)).toBe(true);
    expect(await verifySecret('1235', a)).toBe(false);
    expect(await verifySecret('1234', 'plain-text')).toBe(false);
  });
});

describe('first run and sign-in', () => {
  it('creates the owner once; a second setup is a CONFLICT', async () => {
    const app = await startTestApp();
    const anonymous = app.clientWith(null);
    expect(await anonymous.auth.status({})).toEqual({ needsSetup: true, user: null, storeName: null });
    const { client } = await app.setUpOwner();
    const status = await client.auth.status({});
    expect(status.needsSetup).toBe(false);
    expect(status.user?.role).toBe('owner');
    expect(status.storeName).toBe('Test shop');
    const again = await failure(
      anonymous.auth.setup({
        owner: { username: 'intruder', displayName: 'X', secret: '99999' },
        store: { storeName: 'Mine', currency: 'USD', locale: 'en', pricesIncludeTax: false },
      }),
    );
    expect(again.code).toBe('CONFLICT');
    expect((await client.users.list({})).map((u) => u.username)).toEqual([OWNER.username]);
  });

  it('refuses a wrong secret, an unknown user and a deactivated user alike', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const clerk = await client.users.create({
      username: 'clerk1',
      displayName: 'Clerk',
      role: 'clerk',
      secret: '4444',
    });
    const anonymous = app.clientWith(null);

    expect((await failure(anonymous.auth.signIn({ username: OWNER.username, secret: '00000' }))).code).toBe(
      'UNAUTHORIZED',
    );
    expect((await failure(anonymous.auth.signIn({ username: 'nobody', secret: '00000' }))).code).toBe('UNAUTHORIZED');

    const signedIn = await app.signIn('clerk1', '4444');
    expect((await signedIn.client.auth.status({})).user?.username).toBe('clerk1');
    await client.users.update({ id: clerk.id, active: false });
    // Deactivation ends the clerk's open sessions at once and blocks new ones.
    expect((await failure(signedIn.client.settings.get({}))).code).toBe('UNAUTHORIZED');
    expect((await failure(anonymous.auth.signIn({ username: 'clerk1', secret: '4444' }))).code).toBe('UNAUTHORIZED');
  });

  it('locks a username after five wrong tries and says how long to wait', async () => {
    const app = await startTestApp();
    await app.setUpOwner();
    const anonymous = app.clientWith(null);
    for (let i = 0; i < 5; i++) await failure(anonymous.auth.signIn({ username: OWNER.username, secret: '0000' }));
    const locked = await failure(anonymous.auth.signIn({ username: OWNER.username, secret: OWNER.secret }));
    expect(locked.code).toBe('UNAUTHORIZED');
    expect((locked.details as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('sign-out ends the session; an expired session is refused', async () => {
    const app = await startTestApp();
    const { client, token } = await app.setUpOwner();
    await client.auth.signOut({});
    expect(await app.router.authenticate(token)).toBeNull();

    const second = await app.signIn(OWNER.username, OWNER.secret);
    expect((await app.router.authenticate(second.token))?.kind).toBe('session');
    await app.handle.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await failure(second.client.settings.get({}))).code).toBe('UNAUTHORIZED');
  });

  it('changes the own secret only from a session, throttled, ending the other sessions', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const other = await app.signIn(OWNER.username, OWNER.secret);
    const [owner] = await client.users.list({});
    const { token } = await client.apiTokens.create({ name: 'shop', userId: owner.id });
    const viaApiToken = await failure(
      app.clientWith(token).auth.changeSecret({ current: OWNER.secret, next: '99999' }),
    );
    expect(viaApiToken.code).toBe('FORBIDDEN');
    for (let i = 0; i < 5; i++) {
      expect((await failure(other.client.auth.changeSecret({ current: '0000', next: '99999' }))).code).toBe(
        'VALIDATION',
      );
    }
    const throttled = await failure(other.client.auth.changeSecret({ current: OWNER.secret, next: '99999' }));
    expect(throttled.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  });

  it('changes the own secret only when the current one is given', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const elsewhere = await app.signIn(OWNER.username, OWNER.secret);
    const wrong = await failure(client.auth.changeSecret({ current: '11111', next: 'a-long-password' }));
    expect(wrong.code).toBe('VALIDATION');
    await client.auth.changeSecret({ current: OWNER.secret, next: 'a-long-password' });
    await expect(app.signIn(OWNER.username, 'a-long-password')).resolves.toBeDefined();
    // The session that changed it stays; the one elsewhere ends.
    expect((await client.settings.get({})).storeName).toBe('Test shop');
    expect((await failure(elsewhere.client.settings.get({}))).code).toBe('UNAUTHORIZED');
  });

  it("maps the server's token to the first owner, and nobody before setup", async () => {
    const app = await startTestApp({ serverToken: 'server-secret' });
    expect(await app.router.authenticate('server-secret')).toEqual({ kind: 'server-token', user: null });
    await app.setUpOwner();
    const credential = await app.router.authenticate('server-secret');
    expect(credential?.user?.username).toBe(OWNER.username);
    expect(await app.router.authenticate('server-secreT')).toBeNull();
  });

  it('API tokens act as their user until revoked', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const warehouse = await client.users.create({
      username: 'picker',
      displayName: 'Picker',
      role: 'warehouse',
      secret: '5555',
    });
    const { token, apiToken } = await client.apiTokens.create({ name: 'Scanner gun', userId: warehouse.id });
    const credential = await app.router.authenticate(token);
    expect(credential).toMatchObject({ kind: 'api-token', user: { username: 'picker' } });
    const listed = await client.apiTokens.list({});
    expect(listed[0]).toMatchObject({ id: apiToken.id, name: 'Scanner gun', revokedAt: null });
    expect(listed[0].lastUsedAt).not.toBeNull();
    // The secret itself is stored only as a digest.
    const stored = await app.handle.db.selectFrom('api_tokens').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    await client.apiTokens.revoke({ id: apiToken.id });
    expect(await app.router.authenticate(token)).toBeNull();
    expect((await failure(client.apiTokens.revoke({ id: apiToken.id }))).code).toBe('INVALID_STATE');
  });
});

describe('SignInThrottle', () => {
  it('doubles the lock with each miss past the free tries, up to the cap', () => {
    const throttle = new SignInThrottle(2, 1000, 3000);
    throttle.failed('a', 0);
    expect(throttle.waitFor('a', 0)).toBe(0);
    throttle.failed('a', 0);
    expect(throttle.waitFor('a', 0)).toBe(1000);
    throttle.failed('a', 0);
    expect(throttle.waitFor('a', 0)).toBe(2000);
    throttle.failed('a', 0);
    expect(throttle.waitFor('a', 0)).toBe(3000);
    throttle.succeeded('a');
    expect(throttle.waitFor('a', 0)).toBe(0);
    expect(throttle.waitFor('b', 0)).toBe(0);
  });
});
