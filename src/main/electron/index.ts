import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { startApp, type RunningApp } from '../app';
import { databasePathFromArgs } from '../database-path';
import { hardenSession, hardenWebContents } from './hardening';
import { serveIpc } from './ipc';
import { serveOrderExport } from './order-export';
import { servePrinting } from './printing';
import { registerAppScheme, serveRendererOverAppScheme } from './protocol';
import { rendererOrigin } from './renderer-origin';
import { createMainWindow } from './window';

/**
 * In development better-sqlite3 is loaded from the copy built for Electron's ABI by
 * `npm run native:electron`; node_modules keeps Node's build for tests and `serve`.
 * A packaged app has electron-builder's rebuilt copy in its own node_modules.
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const built = join(app.getAppPath(), '.electron-native', process.versions.electron, 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run native:electron`);
  return built;
}

let running: RunningApp | null = null;
let mainWindow: BrowserWindow | null = null;

const renderer = rendererOrigin(app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);
const isFirstInstance = app.requestSingleInstanceLock();

registerAppScheme();
hardenWebContents(renderer);

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.whenReady().then(async () => {
  // A second start only brings the running window forward; it must not open the database.
  if (!isFirstInstance) {
    app.exit(0);
    return;
  }
  try {
    const databasePath = databasePathFromArgs(process.argv.slice(1)) ?? join(app.getPath('userData'), 'oms.db');
    running = await startApp({ databasePath, open: { nativeBinding: nativeBinding() } });
    hardenSession(renderer);
    serveRendererOverAppScheme(join(__dirname, '../renderer'));
    serveIpc(running.router, renderer, () => mainWindow?.webContents ?? null);
    serveOrderExport(running.router, renderer, () => mainWindow?.webContents ?? null);
    servePrinting(running.router, renderer, () => mainWindow?.webContents ?? null);
    mainWindow = createMainWindow(renderer);
    mainWindow.on('closed', () => (mainWindow = null));
  } catch (error) {
    dialog.showErrorBox('OMS could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  }
});

app.on('window-all-closed', () => app.quit());

app.on('will-quit', (event) => {
  if (!running) return;
  event.preventDefault();
  const closing = running;
  running = null;
  void closing.close().finally(() => app.quit());
});
