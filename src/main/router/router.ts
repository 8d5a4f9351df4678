import { findOperation, type OperationName } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { User } from '../../shared/domain/user';
import type { Access } from '../../shared/roles';
import type { ServiceContext } from '../services/context';
import type { DatabaseHandle } from '../database/connection';
import { inWriteTransaction } from '../database/transaction';
import { resolveBearer, type Credential } from '../services/auth';
import { doorTokenFor } from '../services/secrets';
import { SignInThrottle } from '../services/sign-in-throttle';
import { validationError } from './errors';
import type { HandlerContext } from './handler-types';
import { handlers } from './handlers';

export interface RouterOptions {
  handle: DatabaseHandle;
  version: string;
  schemaVersion: string;
  /** The server's own API token (OMS_API_TOKEN); it speaks for the first owner. */
  serverToken?: string | null;
}

export interface Caller {
  transport: 'ipc' | 'http';
  credential: Credential | null;
}

/**
 * Validates, authorizes and runs one operation. Both transports call `call`; nothing
 * reaches a service without passing the contract's schema and the operation's roles.
 */
export class Router {
  private readonly throttle = new SignInThrottle();
  /** Opens only the public operations; the HTTP server puts it in the page it serves. */
  readonly doorToken: string | null;

  constructor(private readonly options: RouterOptions) {
    this.doorToken = options.serverToken ? doorTokenFor(options.serverToken) : null;
  }

  /**
   * The credential behind a bearer token; null for no token (an anonymous caller, who
   * may call only public operations). A token that is unknown, expired or revoked is
   * refused outright rather than treated as anonymous.
   */
  async credentialFor(bearer: string | null): Promise<Credential | null> {
    if (!bearer) return null;
    const credential = await this.authenticate(bearer);
    if (!credential) {
      throw new AppError('UNAUTHORIZED', 'The token is unknown, expired or revoked; sign in again', {
        reason: 'unknown-token',
      });
    }
    return credential;
  }

  authenticate(bearer: string): Promise<Credential | null> {
    return resolveBearer({ db: this.options.handle.db, actor: null }, bearer, {
      serverToken: this.options.serverToken ?? null,
      doorToken: this.doorToken,
    });
  }

  /**
   * For a transport's route that is not a JSON operation (a CSV download streamed as it
   * is written): the same role check as `call`, then a context for read-only services.
   */
  readContext(name: string, access: Access, credential: Credential | null): ServiceContext {
    return { db: this.options.handle.db, actor: authorize(name, access, credential) };
  }

  async call(name: string, rawInput: unknown, caller: Caller): Promise<unknown> {
    const operation = findOperation(name);
    if (!operation) throw new AppError('NOT_FOUND', `Unknown operation ${name}`, { operation: name });

    // Input is checked before roles: every caller already holds a valid token or is our own
    // window, the schemas are public in openapi.json, and a bad field is worth naming first.
    const parsed = operation.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    const user = authorize(name, operation.access, caller.credential);

    const handler = handlers[name as OperationName] as (ctx: HandlerContext, input: unknown) => Promise<unknown>;
    const run = async (db: HandlerContext['db']) => {
      const output = await handler(
        {
          db,
          actor: user,
          credential: caller.credential,
          transport: caller.transport,
          app: {
            version: this.options.version,
            databasePath: this.options.handle.path,
            schemaVersion: this.options.schemaVersion,
            throttle: this.throttle,
          },
        },
        parsed.data,
      );
      // Parsing the output strips whatever the contract does not promise (no stray columns
      // leave the process); a mismatch is a bug, and for a command it rolls back.
      const checked = operation.output.safeParse(output);
      if (!checked.success) throw new Error(`The output of ${name} breaks the contract: ${checked.error.message}`);
      return checked.data;
    };
    const { db } = this.options.handle;
    return operation.kind === 'command' && !operation.ownTransaction ? inWriteTransaction(db, run) : run(db);
  }
}

/** The signed-in user behind a credential, if the access allows them; else UNAUTHORIZED or FORBIDDEN. */
function authorize(name: string, access: Access, credential: Credential | null): User | null {
  const user = credential?.user ?? null;
  if (access === 'public') return user;
  if (!user) {
    const message =
      credential?.kind === 'server-token'
        ? 'The shop has no owner yet: create one with auth.setup first'
        : 'Sign in to do this';
    throw new AppError('UNAUTHORIZED', message, { operation: name });
  }
  if (access !== 'signed-in' && !access.includes(user.role)) {
    throw new AppError('FORBIDDEN', `The ${user.role} role may not call ${name}`, {
      operation: name,
      role: user.role,
      allowed: access,
    });
  }
  return user;
}
