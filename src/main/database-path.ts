import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

/** The database file named by `--db FILE` or `OMS_DB`, or null when neither is given. */
export function databasePathFromArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' } }, strict: false });
  const chosen = typeof values.db === 'string' ? values.db : env.OMS_DB;
  return chosen ? resolve(chosen) : null;
}
