// Builds better-sqlite3 for Electron's ABI into .electron-native/<electron version>/,
// leaving node_modules with Node's build for the tests and `npm run serve`.
// The Electron main process loads this copy through better-sqlite3's nativeBinding option.
// It needs the network once (Electron's headers or a prebuilt binary); afterwards it is a no-op.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const electronVersion = require('electron/package.json').version;
const target = join(root, '.electron-native', electronVersion, 'better_sqlite3.node');

if (existsSync(target)) {
  console.error(`better-sqlite3 for Electron ${electronVersion} is ready: ${target}`);
  process.exit(0);
}

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'oms-electron-native-'));
try {
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });
  // npm passes its own `nodedir` setting down to scripts; node-gyp would then build
  // against Node's headers instead of Electron's and produce the wrong ABI.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'),
  );
  const common = { cwd: work, stdio: 'inherit', env };
  const flags = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
  try {
    // A prebuilt binary when one is published for this Electron, platform and arch…
    execFileSync(process.execPath, [require.resolve('prebuild-install/bin.js'), ...flags], common);
  } catch {
    // …otherwise compile against Electron's headers.
    execFileSync(
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        ...flags,
        '--dist-url=https://electronjs.org/headers',
      ],
      common,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.error(`Built better-sqlite3 for Electron ${electronVersion}: ${target}`);
} catch {
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion}: this needs the network once ` +
      "(a prebuilt binary from GitHub, or Electron's headers) and a C++ toolchain. See README.md.",
  );
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
