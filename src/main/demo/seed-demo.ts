import { join } from 'node:path';
import { startApp } from '../app';
import { databasePathFromArgs } from '../database-path';
import { DEMO_USERS } from './demo-data';
import { seedDemo } from './seed';

/** `node out/main/seed-demo.js --db demo.db`: creates the demo shop if the file is new. */
async function main(): Promise<void> {
  const databasePath = databasePathFromArgs(process.argv.slice(2)) ?? join(process.cwd(), 'demo.db');
  const app = await startApp({ databasePath });
  try {
    const seeded = await seedDemo(app);
    console.log(seeded ? `Demo shop created in ${databasePath}` : `${databasePath} is already set up; left as it is`);
    console.log(`Sign in as ${DEMO_USERS.map((u) => `${u.username} (PIN ${u.secret}, ${u.role})`).join(', ')}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
