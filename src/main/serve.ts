import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { APP_VERSION, startApp } from './app';
import { databasePathFromArgs } from './database-path';
import { createHttpServer, listen } from './http/server';
import { chromiumPdfRenderer } from './pdf/chromium-pdf';
import { newBearerToken } from './services/secrets';

/**
 * Headless mode: `npm run serve -- --db FILE --port N [--host 127.0.0.1]` runs the same
 * router and services as the desktop app under plain Node, over HTTP.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  const databasePath = databasePathFromArgs(argv) ?? join(process.cwd(), 'oms.db');
  const port = Number(values.port ?? process.env.OMS_PORT ?? 4999);
  const host = values.host ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not ${values.port}`);

  const fromEnv = process.env.OMS_API_TOKEN?.trim();
  const serverToken = fromEnv || newBearerToken();
  const app = await startApp({ databasePath, serverToken });
  if (app.migration.applied.length > 0) {
    console.error(`Migrated ${databasePath}: ${app.migration.applied.join(', ')}`);
    if (app.migration.backupPath) console.error(`Backup taken first: ${app.migration.backupPath}`);
  }

  const pdf = chromiumPdfRenderer();
  const server = createHttpServer({
    router: app.router,
    version: APP_VERSION,
    rendererDir: join(__dirname, '../renderer'),
    pdf,
  });
  const address = await listen(server, port, host);
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  console.log(`OMS ${APP_VERSION} serving ${databasePath}`);
  console.log(`API: ${origin}/api (Authorization: Bearer <token>)`);
  console.log(fromEnv ? 'API token: from OMS_API_TOKEN' : `API token: ${serverToken}`);
  console.log(`Open in a browser: ${origin}/`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([pdf.close(), app.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
