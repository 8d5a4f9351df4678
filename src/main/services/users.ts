import type { Selectable } from 'kysely';
import { AppError } from '../../shared/errors';
import type { User } from '../../shared/domain/user';
import type { Role } from '../../shared/roles';
import type { UsersTable } from '../database/schema';
import { recordAudit } from './audit';
import { nowIso, type ServiceContext } from './context';
import { newId } from './ids';
import { hashSecret } from './secrets';

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  const rows = await ctx.db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}

export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No user with id ${id}`, { entity: 'user', id });
  return toUser(row);
}

/** Owners and managers run the shop; only an owner may hand out those roles. */
function assertMayGrant(actor: User | null, role: Role): void {
  if ((role === 'owner' || role === 'manager') && actor?.role !== 'owner') {
    throw new AppError('FORBIDDEN', `Only an owner may give the ${role} role`, { role });
  }
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  secret: string;
}

export async function createUser(ctx: ServiceContext, input: NewUser): Promise<User> {
  if (ctx.actor) assertMayGrant(ctx.actor, input.role);
  const taken = await ctx.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) {
    throw new AppError('CONFLICT', `The username ${input.username} is taken`, {
      issues: [{ path: 'username', message: 'Already taken' }],
    });
  }
  const now = nowIso();
  const row = {
    id: newId(),
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    secret_hash: await hashSecret(input.secret),
    active: 1,
    created_at: now,
    updated_at: now,
    last_sign_in_at: null,
  };
  await ctx.db.insertInto('users').values(row).execute();
  await recordAudit(ctx, {
    action: 'user.created',
    entity: 'user',
    entityId: row.id,
    details: { username: row.username, role: row.role },
  });
  return toUser(row);
}

export interface UserChange {
  id: string;
  displayName?: string;
  role?: Role;
  active?: boolean;
}

export async function updateUser(ctx: ServiceContext, change: UserChange): Promise<User> {
  const before = await getUser(ctx, change.id);
  if (before.role === 'owner' || before.role === 'manager') assertMayGrant(ctx.actor, before.role);
  if (change.role !== undefined && change.role !== before.role) assertMayGrant(ctx.actor, change.role);

  const losesOwner =
    before.role === 'owner' && before.active && (change.active === false || (change.role && change.role !== 'owner'));
  if (losesOwner && (await countActiveOwners(ctx)) <= 1) {
    throw new AppError('CONFLICT', 'The shop must keep at least one active owner', {
      id: change.id,
      reason: 'last-owner',
    });
  }

  await ctx.db
    .updateTable('users')
    .set({
      ...(change.displayName !== undefined && { display_name: change.displayName }),
      ...(change.role !== undefined && { role: change.role }),
      ...(change.active !== undefined && { active: change.active ? 1 : 0 }),
      updated_at: nowIso(),
    })
    .where('id', '=', change.id)
    .execute();
  if (change.active === false) await revokeSessionsOf(ctx, change.id);
  const after = await getUser(ctx, change.id);
  await recordAudit(ctx, { action: 'user.updated', entity: 'user', entityId: change.id, details: { before, after } });
  return after;
}

export async function resetSecret(ctx: ServiceContext, id: string, secret: string): Promise<void> {
  const user = await getUser(ctx, id);
  if (user.role === 'owner' || user.role === 'manager') assertMayGrant(ctx.actor, user.role);
  await ctx.db
    .updateTable('users')
    .set({ secret_hash: await hashSecret(secret), updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await revokeSessionsOf(ctx, id);
  await recordAudit(ctx, { action: 'user.secret-reset', entity: 'user', entityId: id });
}

async function countActiveOwners(ctx: ServiceContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function revokeSessionsOf(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.db
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
