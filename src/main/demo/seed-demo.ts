import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApp } from '../app';
import { databasePathFromArgs } from '../database-path';
import { needsSetup } from '../services/auth';
import { DEMO_USERS } from './demo-data';
import { seedShopWithOrders } from './seed-orders';

const USAGE =
  'Usage: npm run seed -- --db FILE [--orders N] [--seed S] [--today YYYY-MM-DD] [--keep-existing]\n' +
  '  Fills a new database with the demo shop and N orders of history (default 20000).\n' +
  '  A database already in use is refused; with --keep-existing it is left as it is (exit 0).';

/**
 * `npm run seed -- --db FILE --orders N`: the demo shop two years into trading. The demo
 * scripts run the built copy with --keep-existing, so a demo database is made once.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      orders: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string', default: '2026-11-27' },
      'keep-existing': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const orders = Number(values.orders);
  const seed = Number(values.seed);
  if (values.help || !Number.isInteger(orders) || orders < 0 || orders > 10_000_000 || !Number.isInteger(seed)) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(Date.parse(values.today))) {
    console.error(`--today must be a date, YYYY-MM-DD, not ${values.today}`);
    process.exit(2);
  }
  const databasePath = databasePathFromArgs(argv) ?? join(process.cwd(), 'demo.db');
  const app = await startApp({ databasePath });
  try {
    if (!(await needsSetup({ db: app.handle.db, actor: null }))) {
      const message = `${databasePath} already holds a shop; left as it is`;
      if (!values['keep-existing']) throw new Error(`${message} (the seeder fills only a new database)`);
      console.error(message);
      return;
    }
    const summary = await seedShopWithOrders(app, {
      orders,
      seed,
      today: values.today,
      onProgress: (message) => console.error(message),
      onSecondThread: process.env.OMS_SEED_ONE_THREAD !== '1',
    });
    console.error(`Demo shop with ${summary.orders} orders created in ${databasePath} (${summary.seconds} s)`);
    console.error(`Sign in as ${DEMO_USERS.map((u) => `${u.username} (PIN ${u.secret}, ${u.role})`).join(', ')}`);
    console.log(JSON.stringify({ database: databasePath, seed, today: values.today, ...summary }));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
