import { describe, expect, it } from 'vitest';
import { failure, startTestApp } from '../helpers/test-app';

describe('products', () => {
  it('creates, finds by SKU, barcode and id, and updates with an audit trail', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const supplier = await client.suppliers.create({ name: '云南茶厂 Yunnan Tea Co.', leadTimeDays: 14 });
    const created = await client.products.create({
      sku: 'PU-357',
      name: '云南普洱茶 熟茶 357克',
      barcode: '6901234567892',
      unitPrice: 12800,
      weightGrams: 357,
      supplierId: supplier.id,
      reorderPoint: 10,
    });
    expect(created).toMatchObject({
      sku: 'PU-357',
      cost: 0,
      status: 'active',
      taxClass: 'standard',
      allowBackorder: false,
    });
    expect(await client.products.getBySku({ sku: 'PU-357' })).toEqual(created);
    expect((await client.products.lookup({ code: '6901234567892' })).id).toBe(created.id);
    expect((await client.products.lookup({ code: 'PU-357' })).id).toBe(created.id);

    const updated = await client.products.update({ id: created.id, unitPrice: 13800, status: 'archived' });
    expect(updated).toMatchObject({ unitPrice: 13800, status: 'archived', name: created.name, weightGrams: 357 });
    const audit = await app.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'product.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toEqual({ unitPrice: 13800, status: 'archived' });
  });

  it('refuses a wrong GTIN check digit, a taken SKU or barcode, with the field named', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const wrongDigit = await failure(
      client.products.create({ sku: 'X', name: 'X', unitPrice: 1, barcode: '6901234567893' }),
    );
    expect(wrongDigit.code).toBe('VALIDATION');
    expect(JSON.stringify(wrongDigit.details)).toContain('should be 2');

    await client.products.create({ sku: 'A', name: 'A', unitPrice: 1, barcode: '96385074' });
    const sku = await failure(client.products.create({ sku: 'A', name: 'B', unitPrice: 1 }));
    expect(sku.code).toBe('CONFLICT');
    expect(sku.details).toMatchObject({ issues: [{ path: 'sku' }] });
    const barcode = await failure(client.products.create({ sku: 'B', name: 'B', unitPrice: 1, barcode: '96385074' }));
    expect(barcode.details).toMatchObject({ issues: [{ path: 'barcode' }] });
  });

  it('groups variants under a family, each with a value for every option', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    const family = await client.productFamilies.create({
      handle: 'linen-shirt',
      name: 'Linen shirt',
      optionNames: ['Size', 'Colour'],
    });
    const variant = await client.products.create({
      sku: 'LS-M-BLUE',
      name: 'Linen shirt M blue',
      unitPrice: 29900,
      familyId: family.id,
      optionValues: { Size: 'M', Colour: 'Blue' },
    });
    expect(variant).toMatchObject({ familyName: 'Linen shirt', optionValues: { Size: 'M', Colour: 'Blue' } });
    const missing = await failure(
      client.products.create({
        sku: 'LS-L',
        name: 'L',
        unitPrice: 1,
        familyId: family.id,
        optionValues: { Size: 'L' },
      }),
    );
    expect(missing.details).toMatchObject({ issues: [{ path: 'optionValues' }] });
    expect((await client.products.list({ familyId: family.id })).rows.map((p) => p.sku)).toEqual(['LS-M-BLUE']);
  });

  it('searches SKU, barcode and names in any language as a person types', async () => {
    const app = await startTestApp();
    const { client } = await app.setUpOwner();
    await client.products.create({ sku: 'PU-357', name: '云南普洱茶 熟茶 357克', unitPrice: 1 });
    await client.products.create({ sku: 'LJ-250', name: '西湖龙井 绿茶 250g', unitPrice: 1, barcode: '4006381333931' });
    await client.products.create({ sku: 'MUG-01', name: 'Tea mug, celadon', unitPrice: 1 });
    const search = async (term: string) => (await client.products.list({ search: term })).rows.map((p) => p.sku);
    expect(await search('普洱')).toEqual(['PU-357']);
    expect(await search('茶')).toEqual(['LJ-250', 'PU-357']);
    expect(await search('绿茶 2')).toEqual(['LJ-250']);
    expect(await search('celad')).toEqual(['MUG-01']);
    expect(await search('mug')).toEqual(['MUG-01']);
    expect(await search('33393')).toEqual(['LJ-250']);
    expect(await search('pu-3')).toEqual(['PU-357']);
    expect(await search('"; drop table products; --')).toEqual([]);
    expect(await search('50%')).toEqual([]);
    const page = await client.products.list({ sortField: 'name', sortDirection: 'desc', limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((p) => p.sku)).toEqual(['LJ-250', 'PU-357']);
  });
});
