import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The shared classic routing instances: `shared/data/vrp/` in the repository's parent
 * folder, or in the nearest folder above it that has one (a git worktree sits deeper).
 */
export function vrpInstanceFolder(): string {
  for (let folder = resolve(__dirname, '..', '..', '..'); ; folder = dirname(folder)) {
    const candidate = join(folder, 'shared', 'data', 'vrp');
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) throw new Error('No shared/data/vrp/ above the repository; name the .vrp files');
  }
}
