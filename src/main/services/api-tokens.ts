import type { ApiToken } from '../../shared/contract/api-tokens';
import { AppError } from '../../shared/errors';
import { recordAudit } from './audit';
import { nowIso, type ServiceContext } from './context';
import { newId } from './ids';
import { newBearerToken, tokenDigest } from './secrets';
import { getUser } from './users';

function tokensQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as id',
      'api_tokens.name as name',
      'api_tokens.user_id as userId',
      'users.username as username',
      'api_tokens.created_at as createdAt',
      'api_tokens.last_used_at as lastUsedAt',
      'api_tokens.revoked_at as revokedAt',
    ]);
}

export async function listApiTokens(ctx: ServiceContext): Promise<ApiToken[]> {
  return tokensQuery(ctx).orderBy('api_tokens.created_at', 'desc').execute();
}

async function getApiToken(ctx: ServiceContext, id: string): Promise<ApiToken> {
  const token = await tokensQuery(ctx).where('api_tokens.id', '=', id).executeTakeFirst();
  if (!token) throw new AppError('NOT_FOUND', `No API token with id ${id}`, { entity: 'apiToken', id });
  return token;
}

export async function createApiToken(
  ctx: ServiceContext,
  input: { name: string; userId: string },
): Promise<{ token: string; apiToken: ApiToken }> {
  const user = await getUser(ctx, input.userId);
  if (!user.active) throw new AppError('INVALID_STATE', `${user.username} is deactivated`, { userId: user.id });
  const token = newBearerToken();
  const id = newId();
  await ctx.db
    .insertInto('api_tokens')
    .values({
      id,
      name: input.name,
      user_id: user.id,
      token_hash: tokenDigest(token),
      created_by: ctx.actor?.id ?? user.id,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  await recordAudit(ctx, { action: 'api-token.created', entity: 'apiToken', entityId: id, details: input });
  return { token, apiToken: await getApiToken(ctx, id) };
}

export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<ApiToken> {
  const token = await getApiToken(ctx, id);
  if (token.revokedAt) throw new AppError('INVALID_STATE', 'This token is already revoked', { id });
  await ctx.db.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
  await recordAudit(ctx, { action: 'api-token.revoked', entity: 'apiToken', entityId: id });
  return getApiToken(ctx, id);
}
