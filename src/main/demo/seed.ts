import type { RunningApp } from '../app';
import { inWriteTransaction } from '../database/transaction';
import { needsSetup, setup } from '../services/auth';
import { updateSettings } from '../services/settings';
import { createUser } from '../services/users';
import { DEMO_STORE, DEMO_USERS } from './demo-data';

/** Fills a new database with the demo shop in one transaction; leaves a used one alone. */
export async function seedDemo(app: RunningApp): Promise<boolean> {
  return inWriteTransaction(app.handle.db, async (db) => {
    if (!(await needsSetup({ db, actor: null }))) return false;
    const [owner, ...staff] = DEMO_USERS;
    const { user } = await setup(
      { db, actor: null },
      {
        owner,
        store: {
          storeName: DEMO_STORE.storeName,
          currency: DEMO_STORE.currency,
          locale: DEMO_STORE.locale,
          pricesIncludeTax: DEMO_STORE.pricesIncludeTax,
        },
      },
    );
    const asOwner = { db, actor: user };
    await updateSettings(asOwner, DEMO_STORE);
    for (const person of staff) await createUser(asOwner, person);
    return true;
  });
}
