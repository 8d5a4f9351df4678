import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Credential } from '../services/auth';
import type { ServiceContext } from '../services/context';
import type { SignInThrottle } from '../services/sign-in-throttle';

export interface HandlerContext extends ServiceContext {
  credential: Credential | null;
  transport: 'ipc' | 'http';
  app: { version: string; databasePath: string; schemaVersion: string; throttle: SignInThrottle };
}

export type Handler<Name extends OperationName> = (
  ctx: HandlerContext,
  input: ParsedInputOf<Name>,
) => Promise<OutputOf<Name>>;

/** The handlers of one namespace, for a table kept in its own file. */
export type HandlersOf<Namespace extends string> = {
  [Name in OperationName as Name extends `${Namespace}.${string}` ? Name : never]: Handler<Name>;
};
