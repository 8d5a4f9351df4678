import type { Kysely } from 'kysely';
import type { User } from '../../shared/domain/user';
import type { Database } from '../database/schema';

/**
 * What every service call gets: a database handle (inside the router's transaction for
 * commands) and the signed-in user, if any. Nothing about Electron or HTTP.
 */
export interface ServiceContext {
  db: Kysely<Database>;
  actor: User | null;
}

export function nowIso(): string {
  return new Date().toISOString();
}
