import { openDatabase, type DatabaseHandle, type OpenOptions } from './database/connection';
import { migrateToLatest, type MigrationReport } from './database/migrate';
import { Router } from './router/router';
import { stopForecastRuns } from './services/forecasts/forecast-runs';

/** Injected by the bundler from package.json; tests run the sources, where it is absent. */
declare const __APP_VERSION__: string | undefined;
export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

export interface RunningApp {
  handle: DatabaseHandle;
  router: Router;
  migration: MigrationReport;
  close(): Promise<void>;
}

/** Opens the database, upgrades it (backup first) and wires the router: the same for Electron, `serve` and tests. */
export async function startApp(options: {
  databasePath: string;
  serverToken?: string | null;
  open?: OpenOptions;
}): Promise<RunningApp> {
  const handle = openDatabase(options.databasePath, options.open);
  try {
    const migration = await migrateToLatest(handle);
    const router = new Router({
      handle,
      version: APP_VERSION,
      schemaVersion: migration.schemaVersion,
      serverToken: options.serverToken ?? null,
    });
    return {
      handle,
      router,
      migration,
      close: async () => {
        await stopForecastRuns(handle.db);
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
