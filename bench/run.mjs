// `npm run bench -- NAME [args]`: runs bench/NAME.ts, which prints one JSON line on stdout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(here)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));
if (!name || !existsSync(join(here, `${name}.ts`))) {
  console.error(`Usage: npm run bench -- NAME; one of: ${available.join(', ')}`);
  process.exit(2);
}
const tsx = join(here, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
const result = spawnSync(process.execPath, [tsx, join(here, `${name}.ts`), ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
