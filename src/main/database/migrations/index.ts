import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_api_tokens';

/**
 * Every migration, in order. A static list rather than a folder scan, so the bundler
 * sees each file. Forward-only: a shipped migration is never edited, only followed.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_api_tokens': m0002,
};
