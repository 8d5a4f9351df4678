import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/main/demo/seed';
import { startTestApp } from '../helpers/test-app';

describe('the demo shop', () => {
  it('seeds users, catalogue and consistent opening stock once, and leaves a used database alone', async () => {
    const app = await startTestApp();
    expect(await seedDemo(app)).toBe(true);
    expect(await seedDemo(app)).toBe(false);
    const { client } = await app.signIn('owner', '1234');
    expect((await client.users.list({})).map((u) => u.role).sort()).toEqual(['clerk', 'manager', 'owner', 'warehouse']);
    const products = await client.products.list({ limit: 500 });
    expect(products.total).toBe(15);
    expect(await client.stock.verify({})).toMatchObject({ binDriftCount: 0, summaryDriftCount: 0 });
    const low = await client.stock.overview({ lowStockOnly: true, limit: 500 });
    expect(low.rows.map((r) => r.sku)).toEqual(expect.arrayContaining(['DHP-100', 'CUP-CEL-WHITE']));
    expect((await client.products.getBySku({ sku: 'CUP-CEL-BLUE' })).familyName).toBe('青瓷品茗杯 Celadon tasting cup');
    expect((await client.customers.list({})).total).toBe(4);
  });
});
