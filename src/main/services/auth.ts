import { AppError } from '../../shared/errors';
import type { User } from '../../shared/domain/user';
import type { Settings } from '../../shared/domain/settings';
import { inWriteTransaction } from '../database/transaction';
import { recordAudit } from './audit';
import { nowIso, type ServiceContext } from './context';
import { newId } from './ids';
import { hashSecret, newBearerToken, sameToken, tokenDigest, verifySecret } from './secrets';
import { updateSettings } from './settings';
import type { SignInThrottle } from './sign-in-throttle';
import { createUser, getUser, toUser } from './users';

/** A session lasts 12 hours from its last use: one shift, and it ends by itself overnight. */
const SESSION_MS = 12 * 60 * 60 * 1000;

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

/** Who a bearer token speaks for. */
export type Credential =
  | { kind: 'session'; sessionId: string; user: User }
  | { kind: 'api-token'; tokenId: string; user: User }
  /** The server's own token (OMS_API_TOKEN): the first active owner, or nobody before setup. */
  | { kind: 'server-token'; user: User | null }
  /** The token in the served page: public operations only (sign-in, first-run setup). */
  | { kind: 'door'; user: null };

export async function needsSetup(ctx: ServiceContext): Promise<boolean> {
  const any = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return any === undefined;
}

export interface SetupInput {
  owner: { username: string; displayName: string; secret: string };
  store: Pick<Settings, 'storeName' | 'currency' | 'locale' | 'pricesIncludeTax'>;
}

export async function setup(ctx: ServiceContext, input: SetupInput): Promise<Session> {
  if (!(await needsSetup(ctx))) throw new AppError('CONFLICT', 'The shop is already set up; sign in instead');
  const owner = await createUser(ctx, { ...input.owner, role: 'owner' });
  const ownerCtx = { ...ctx, actor: owner };
  await updateSettings(ownerCtx, input.store);
  return startSession(ownerCtx, owner);
}

/** Verifies the secret outside any transaction, then writes the session in a short one. */
export async function signIn(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  input: { username: string; secret: string },
): Promise<Session> {
  assertNotThrottled(throttle, input.username);
  const row = await ctx.db.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  // Hash even for an unknown name, so timing does not tell which usernames exist.
  const ok = row ? await verifySecret(input.secret, row.secret_hash) : (await hashSecret(input.secret), false);
  if (!row || !ok || row.active !== 1) {
    throttle.failed(input.username);
    throw new AppError('UNAUTHORIZED', 'Wrong username or PIN/password');
  }
  throttle.succeeded(input.username);
  const user = toUser(row);
  return inWriteTransaction(ctx.db, (db) => startSession({ db, actor: user }, user));
}

function assertNotThrottled(throttle: SignInThrottle, username: string): void {
  const wait = throttle.waitFor(username);
  if (wait > 0) {
    throw new AppError('UNAUTHORIZED', 'Too many wrong tries; wait before trying again', {
      retryAfterSeconds: Math.ceil(wait / 1000),
    });
  }
}

async function startSession(ctx: ServiceContext, user: User): Promise<Session> {
  const token = newBearerToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_MS).toISOString();
  await ctx.db
    .insertInto('sessions')
    .values({
      id: newId(),
      user_id: user.id,
      token_hash: tokenDigest(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  await ctx.db.updateTable('users').set({ last_sign_in_at: now.toISOString() }).where('id', '=', user.id).execute();
  await recordAudit(ctx, { action: 'session.started', entity: 'user', entityId: user.id });
  return { token, expiresAt, user: { ...user, lastSignInAt: now.toISOString() } };
}

export async function signOut(ctx: ServiceContext, credential: Credential | null): Promise<void> {
  if (credential?.kind !== 'session') return;
  await ctx.db.updateTable('sessions').set({ revoked_at: nowIso() }).where('id', '=', credential.sessionId).execute();
  await recordAudit(ctx, { action: 'session.ended', entity: 'user', entityId: credential.user.id });
}

/**
 * Only from a signed-in session: an API token must not be able to learn or replace its
 * user's PIN. Wrong guesses count against the same throttle as sign-in, and success
 * ends the user's other sessions.
 */
export async function changeOwnSecret(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  credential: Credential | null,
  input: { current: string; next: string },
): Promise<void> {
  if (credential?.kind !== 'session') {
    throw new AppError('FORBIDDEN', 'A PIN or password can be changed only by its user, signed in');
  }
  const { user, sessionId } = credential;
  assertNotThrottled(throttle, user.username);
  const row = await ctx.db
    .selectFrom('users')
    .select('secret_hash')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifySecret(input.current, row.secret_hash))) {
    throttle.failed(user.username);
    throw new AppError('VALIDATION', 'The current PIN or password is wrong', {
      issues: [{ path: 'current', message: 'Wrong PIN or password' }],
    });
  }
  throttle.succeeded(user.username);
  const hash = await hashSecret(input.next);
  await inWriteTransaction(ctx.db, async (db) => {
    const now = nowIso();
    await db.updateTable('users').set({ secret_hash: hash, updated_at: now }).where('id', '=', user.id).execute();
    await db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', user.id)
      .where('id', '!=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit({ db, actor: user }, { action: 'user.secret-changed', entity: 'user', entityId: user.id });
  });
}

/**
 * Finds who a bearer token speaks for, or null when it is unknown, expired or revoked.
 * Sessions slide: one used in the second half of its life is extended.
 */
export async function resolveBearer(
  ctx: ServiceContext,
  token: string,
  known: { serverToken: string | null; doorToken: string | null },
): Promise<Credential | null> {
  const { serverToken, doorToken } = known;
  if (doorToken && sameToken(token, doorToken)) return { kind: 'door', user: null };
  if (serverToken && sameToken(token, serverToken)) {
    const owner = await ctx.db
      .selectFrom('users')
      .selectAll()
      .where('role', '=', 'owner')
      .where('active', '=', 1)
      .orderBy('created_at')
      .executeTakeFirst();
    return { kind: 'server-token', user: owner ? toUser(owner) : null };
  }
  const digest = tokenDigest(token);
  const now = new Date();
  const session = await ctx.db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'expires_at'])
    .where('token_hash', '=', digest)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (session) {
    if (session.expires_at <= now.toISOString()) return null;
    const user = await getUser(ctx, session.user_id);
    if (!user.active) return null;
    if (Date.parse(session.expires_at) - now.getTime() < SESSION_MS / 2) {
      const expiresAt = new Date(now.getTime() + SESSION_MS).toISOString();
      await ctx.db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', session.id).execute();
    }
    return { kind: 'session', sessionId: session.id, user };
  }
  const apiToken = await ctx.db
    .selectFrom('api_tokens')
    .select(['id', 'user_id'])
    .where('token_hash', '=', digest)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (apiToken) {
    const user = await getUser(ctx, apiToken.user_id);
    if (!user.active) return null;
    await ctx.db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', apiToken.id)
      .execute();
    return { kind: 'api-token', tokenId: apiToken.id, user };
  }
  return null;
}
