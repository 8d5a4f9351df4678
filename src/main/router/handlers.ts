import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import { changeOwnSecret, needsSetup, setup, signIn, signOut, type Credential } from '../services/auth';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens';
import type { ServiceContext } from '../services/context';
import { getSettings, updateSettings } from '../services/settings';
import type { SignInThrottle } from '../services/sign-in-throttle';
import { createUser, listUsers, resetSecret, updateUser } from '../services/users';

export interface HandlerContext extends ServiceContext {
  credential: Credential | null;
  transport: 'ipc' | 'http';
  app: { version: string; databasePath: string; schemaVersion: string; throttle: SignInThrottle };
}

type Handler<Name extends OperationName> = (ctx: HandlerContext, input: ParsedInputOf<Name>) => Promise<OutputOf<Name>>;

/** The one table from operation to service call. A missing entry fails to compile. */
export const handlers: { [Name in OperationName]: Handler<Name> } = {
  'system.health': async (ctx) => ({
    status: 'ok',
    version: ctx.app.version,
    schemaVersion: ctx.app.schemaVersion,
    time: new Date().toISOString(),
  }),
  'system.info': async (ctx) => ({
    version: ctx.app.version,
    databasePath: ctx.app.databasePath,
    schemaVersion: ctx.app.schemaVersion,
    transport: ctx.transport,
  }),

  'auth.status': async (ctx) => {
    const fresh = await needsSetup(ctx);
    return { needsSetup: fresh, user: ctx.actor, storeName: fresh ? null : (await getSettings(ctx)).storeName };
  },
  'auth.setup': (ctx, input) => setup(ctx, input),
  'auth.signIn': (ctx, input) => signIn(ctx, ctx.app.throttle, input),
  'auth.signOut': async (ctx) => {
    await signOut(ctx, ctx.credential);
    return { ok: true };
  },
  'auth.changeSecret': async (ctx, input) => {
    await changeOwnSecret(ctx, ctx.app.throttle, ctx.credential, input);
    return { ok: true };
  },

  'users.list': (ctx) => listUsers(ctx),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'users.resetSecret': async (ctx, input) => {
    await resetSecret(ctx, input.id, input.secret);
    return { ok: true };
  },

  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),

  'apiTokens.list': (ctx) => listApiTokens(ctx),
  'apiTokens.create': (ctx, input) => createApiToken(ctx, input),
  'apiTokens.revoke': (ctx, input) => revokeApiToken(ctx, input.id),
};
