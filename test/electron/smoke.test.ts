import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

/** The Electron binary's path, or null where it was not downloaded (as on CI). */
function electronBinary(): string | null {
  try {
    const path = createRequire(__filename)('electron') as unknown as string;
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary)
  console.log('SKIP electron smoke test: no Electron binary here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1)');

/** The real desktop app: window, preload bridge, the IPC transport and the hardening. */
describe.skipIf(!binary)('Electron app', () => {
  let folder: string;
  let app: ElectronApplication;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/electron-native.mjs')], { stdio: 'inherit' });
    folder = mkdtempSync(join(tmpdir(), 'oms-electron-'));
    app = await _electron.launch({
      executablePath: binary as string,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        join(root, 'out/main/index.js'),
        '--db',
        join(folder, 'desktop.db'),
      ],
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    });
  });

  afterAll(async () => {
    await app?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('opens the first-run screen over IPC with only the typed bridge exposed', async () => {
    const window = await app.firstWindow();
    await window.getByRole('button', { name: /Create shop and sign in|创建店铺并登录/ }).waitFor();
    expect(window.url()).toBe('app://oms/index.html');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((globalThis as { omsBridge?: object }).omsBridge ?? {}))).toEqual([
      'invoke',
    ]);
    const status = await window.evaluate(() =>
      (
        globalThis as unknown as { omsBridge: { invoke(op: string, input: unknown, token: null): Promise<unknown> } }
      ).omsBridge.invoke('auth.status', {}, null),
    );
    expect(status).toEqual({ ok: true, value: { needsSetup: true, user: null, storeName: null } });
    mkdirSync(join(root, 'test-results/screenshots'), { recursive: true });
    await window.screenshot({ path: join(root, 'test-results/screenshots/electron-first-run.png') });
  });

  it('refuses navigation away from the app and new windows', async () => {
    const window = await app.firstWindow();
    await window.evaluate(() => {
      const browser = globalThis as unknown as { open(url: string): void; location: { href: string } };
      browser.open('https://example.com');
      browser.location.href = 'https://example.com';
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(window.url()).toBe('app://oms/index.html');
    expect(app.windows()).toHaveLength(1);
  });
});
