import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../src/shared/client';
import type { ImportFormat } from '../../src/shared/contract/imports';
import { failure, startTestApp, type TestApp } from '../helpers/test-app';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/csv', name));

/** Every row of every table: what "nothing was written" is compared with. */
function snapshot(app: TestApp): Record<string, unknown[]> {
  const tables = app.handle.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(
    tables.map(({ name }) => [name, app.handle.sqlite.prepare(`select * from "${name}"`).all()]),
  );
}

async function shop() {
  const app = await startTestApp();
  const { client } = await app.setUpOwner();
  const main = await client.warehouses.create({ code: 'MAIN', name: '主仓 Main' });
  const sh1 = await client.warehouses.create({ code: 'SH1', name: '上海仓 Shanghai' });
  return { app, client, main, sh1 };
}

async function analyze(
  client: Client,
  format: ImportFormat,
  file: string | Buffer,
  options: { warehouseId?: string | null; existing?: 'skip' | 'update'; fileName?: string } = {},
) {
  const bytes = typeof file === 'string' ? fixture(file) : file;
  const { reportId } = await client.imports.analyze({
    format,
    fileName: options.fileName ?? (typeof file === 'string' ? file : 'upload.csv'),
    base64: bytes.toString('base64'),
    warehouseId: options.warehouseId ?? null,
    existing: options.existing ?? 'skip',
  });
  return client.imports.report({ reportId, limit: 5000 });
}

async function noDrift(client: Client) {
  const check = await client.stock.verify({});
  expect(check.binDriftCount).toBe(0);
  expect(check.summaryDriftCount).toBe(0);
}

describe('CSV import: our own format', () => {
  it('dry-runs without writing a row, then imports products, a family, suppliers and opening stock', async () => {
    const { app, client, main, sh1 } = await shop();
    const before = snapshot(app);
    const report = await analyze(client, 'oms', 'oms-catalog.csv', { warehouseId: main.id });
    expect(snapshot(app)).toEqual(before);
    expect(report).toMatchObject({
      state: 'ready',
      encoding: 'utf-8',
      canCommit: true,
      summary: {
        rows: 7,
        toCreate: 7,
        toUpdate: 0,
        skipped: 0,
        familiesToCreate: 1,
        stockMovements: 6,
        stockUnits: 24 + 12 + 3 + 10 + 8 + 2,
        errors: 0,
        warnings: 0,
      },
    });
    // "Suzhou Linen" and "suzhou linen" are one supplier.
    expect(report.summary.suppliersToCreate).toEqual([
      '云南茶厂 Yunnan Tea Co.',
      'Hangzhou Longjing Co-op',
      'Suzhou Linen',
    ]);

    const result = await client.imports.commit({ reportId: report.reportId });
    expect(result).toEqual({
      created: 7,
      updated: 0,
      skipped: 0,
      familiesCreated: 1,
      suppliersCreated: 3,
      stockMovements: 6,
      stockUnits: 59,
    });

    const puer = await client.products.getBySku({ sku: 'PU-357' });
    expect(puer).toMatchObject({
      name: '云南普洱茶 熟茶 357克',
      description: '饼茶, 2019年 勐海\n压制：357克/饼',
      barcode: '6901234567014',
      unitPrice: 12850,
      cost: 6000,
      weightGrams: 357,
      lengthMm: 200,
      leadTimeDays: 14,
      reorderPoint: 10,
      allowBackorder: false,
      status: 'active',
    });
    const suppliers = await client.suppliers.list({});
    expect(suppliers.find((s) => s.id === puer.supplierId)?.name).toBe('云南茶厂 Yunnan Tea Co.');
    expect(await client.products.getBySku({ sku: 'LJ-250' })).toMatchObject({
      unitPrice: 129900,
      taxClass: 'reduced',
      description: 'Spring picking, "Ming Qian" grade',
    });
    expect(await client.products.getBySku({ sku: 'MUG-01' })).toMatchObject({ unitPrice: 4500, allowBackorder: true });
    expect((await client.products.getBySku({ sku: 'GIFT-BOX' })).status).toBe('archived');

    const [family] = await client.productFamilies.list({});
    expect(family).toMatchObject({
      handle: 'linen-tea-towel',
      name: 'Linen tea towel 亚麻茶巾',
      description: 'Hand-woven linen; wash at 40°C',
      optionNames: ['Size', 'Colour'],
    });
    const variants = (await client.products.list({ familyId: family.id })).rows;
    expect(variants.map((v) => [v.sku, v.optionValues])).toEqual([
      ['TT-M-BLUE', { Size: 'M', Colour: 'Blue' }],
      ['TT-M-RED', { Size: 'M', Colour: 'Red' }],
      ['TT-S-RED', { Size: 'S', Colour: 'Red' }],
    ]);

    // Opening stock: receipts into each warehouse's default bin, reason "opening".
    const levels = await client.stock.levels({ productId: (await client.products.getBySku({ sku: 'LJ-250' })).id });
    expect(levels.map((l) => [l.warehouseCode, l.locationCode, l.onHand])).toEqual([
      ['MAIN', 'DEFAULT', 12],
      ['SH1', 'DEFAULT', 3],
    ]);
    const [movement] = await client.stock.movements({ productId: puer.id });
    expect(movement).toMatchObject({ kind: 'receipt', reason: 'opening', onHandDelta: 24, unitCost: 6000 });
    expect(movement.referenceType).toBe('import');
    expect((await client.stock.overview({ warehouseId: sh1.id, search: 'TT-M-RED' })).rows[0].onHand).toBe(2);
    await noDrift(client);

    // Chinese names are found by the search index the triggers keep.
    expect((await client.products.list({ search: '普洱' })).rows.map((p) => p.sku)).toEqual(['PU-357']);
    const audit = await app.handle.db.selectFrom('audit_log').select('action').execute();
    expect(audit.filter((a) => a.action === 'product.created')).toHaveLength(7);
    expect(audit.filter((a) => a.action === 'catalog.imported')).toHaveLength(1);

    // Imported once; a second commit of the same report is refused.
    expect((await failure(client.imports.commit({ reportId: report.reportId }))).code).toBe('INVALID_STATE');
  });

  it('reports every damaged value by line, writes nothing, and refuses to commit', async () => {
    const { app, client, main } = await shop();
    const before = snapshot(app);
    const report = await analyze(client, 'oms', 'oms-damaged.csv', { warehouseId: main.id });
    expect(snapshot(app)).toEqual(before);
    const issues = report.issues.map((i) => [i.line, i.sku, i.severity, i.code]);
    expect(issues).toEqual([
      [3, 'SCI-1', 'error', 'barcodeScientific'],
      [4, 'CHK-1', 'error', 'barcodeCheckDigit'],
      [5, 'UPC-1', 'warning', 'barcodeLeadingZero'],
      [8, 'PRICE-3', 'error', 'priceCurrency'],
      [9, 'PRICE-4', 'error', 'priceDecimals'],
      [10, 'PRICE-5', 'error', 'priceInvalid'],
      [11, '2-Jan', 'warning', 'dateLike'],
      [12, 'WT-1', 'error', 'dateLike'],
      [14, 'DUP-1', 'error', 'duplicateSku'],
      [15, 'BO-1', 'error', 'notBoolean'],
      [16, 'NEG-1', 'warning', 'negativeStock'],
      [17, 'NONAME', 'error', 'required'],
      [18, 'NOPRICE', 'error', 'required'],
      [19, 'SKU WITH SPACE', 'error', 'skuSpaces'],
      [20, 'ZERO-1', 'warning', 'barcodeDecimal'],
    ]);
    const byCode = Object.fromEntries(report.issues.map((i) => [i.code, i]));
    expect(byCode.barcodeScientific.message).toContain('digits are lost');
    expect(byCode.barcodeCheckDigit.params).toMatchObject({ expected: 3 });
    expect(byCode.barcodeLeadingZero.params).toMatchObject({ repaired: '012345678905' });
    expect(byCode.priceCurrency.params).toMatchObject({ currency: 'CNY' });
    expect(byCode.duplicateSku.params).toMatchObject({ firstLine: 13 });
    expect(report.summary).toMatchObject({ rows: 19, errors: 11, warnings: 4 });
    expect(report.canCommit).toBe(false);

    const refused = await failure(client.imports.commit({ reportId: report.reportId }));
    expect(refused.code).toBe('INVALID_STATE');
    expect(refused.message).toContain('11 errors');
    expect(snapshot(app)).toEqual(before);
  });

  it('reads GBK from Chinese Excel as GB18030, with a warning', async () => {
    const { client, main } = await shop();
    const report = await analyze(client, 'oms', 'oms-gbk.csv', { warehouseId: main.id });
    expect(report.encoding).toBe('gb18030');
    expect(report.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'readAsGb18030']]);
    await client.imports.commit({ reportId: report.reportId });
    expect(await client.products.getBySku({ sku: 'GBK-1' })).toMatchObject({
      name: '铁观音 乌龙茶',
      description: '安溪 "浓香型"，500克',
      unitPrice: 8800,
    });
    expect((await client.products.getBySku({ sku: 'GBK-2' })).description).toBe('洞庭山, 明前');
    await noDrift(client);
  });

  it('asks for a warehouse when the file has stock, and names the format a file looks like', async () => {
    const { client } = await shop();
    const noWarehouse = await analyze(client, 'oms', 'oms-catalog.csv');
    expect(noWarehouse.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.code])).toEqual([
      [null, 'chooseWarehouse'],
    ]);
    const wrong = await analyze(client, 'oms', 'shopify-products.csv');
    expect(wrong.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.params])).toEqual([
      ['missingColumn', { column: 'sku' }],
      ['looksLikeOtherFormat', { guess: 'shopify' }],
    ]);
    const unknown = await analyze(client, 'oms', Buffer.from('sku,name,unit_price,stock:NOPE\nA,A,1,5\n'));
    expect(unknown.issues.map((i) => [i.code, i.params])).toEqual([['unknownWarehouse', { code: 'NOPE' }]]);
  });
});

describe('CSV import: Shopify', () => {
  it('makes a family of the rows sharing a handle, skips image rows, repairs a lost leading zero', async () => {
    const { app, client, main } = await shop();
    const before = snapshot(app);
    const report = await analyze(client, 'shopify', 'shopify-products.csv', { warehouseId: main.id });
    expect(snapshot(app)).toEqual(before);
    expect(report.encoding).toBe('utf-8-bom');
    expect(report.summary).toMatchObject({ rows: 9, toCreate: 7, skipped: 2, familiesToCreate: 2, stockUnits: 49 });
    expect(report.issues.map((i) => [i.line, i.sku, i.code])).toEqual([[9, 'LS-L-IND', 'barcodeLeadingZero']]);
    await client.imports.commit({ reportId: report.reportId });

    const teapot = await client.products.getBySku({ sku: 'YX-200' });
    expect(teapot).toMatchObject({
      name: '宜兴紫砂壶 Yixing clay teapot',
      description: 'Hand-made in Yixing, 200 ml.\nComes with a "certificate", a box, and a cloth.',
      familyId: null,
      unitPrice: 68000,
      cost: 31000,
      weightGrams: 420,
      barcode: '6901234567052',
    });
    const families = await client.productFamilies.list({});
    expect(families.map((f) => [f.handle, f.name, f.optionNames])).toEqual([
      ['linen-shirt', 'Linen shirt', ['Size', 'Colour']],
      ['tieguanyin-oolong', '铁观音 乌龙茶 Tieguanyin oolong', ['Weight']],
    ]);
    expect(families[0].description).toBe('Washed linen. Relaxed fit, "breathable".\n• 100% linen\n• Made in Suzhou');
    const shirt = (await client.products.list({ familyId: families[0].id })).rows;
    expect(shirt.map((p) => [p.sku, p.name, p.optionValues, p.allowBackorder])).toEqual([
      ['LS-L-IND', 'Linen shirt - L / Indigo', { Size: 'L', Colour: 'Indigo' }, false],
      ['LS-M-IND', 'Linen shirt - M / Indigo', { Size: 'M', Colour: 'Indigo' }, true],
      ['LS-M-NAT', 'Linen shirt - M / Natural', { Size: 'M', Colour: 'Natural' }, false],
      ['LS-S-NAT', 'Linen shirt - S / Natural', { Size: 'S', Colour: 'Natural' }, false],
    ]);
    expect(shirt[0].barcode).toBe('036000291452');
    expect(await client.products.getBySku({ sku: 'TGY-250' })).toMatchObject({ taxClass: 'exempt', status: 'active' });
    const suppliers = (await client.suppliers.list({})).map((s) => s.name).sort();
    expect(suppliers).toEqual(['Suzhou Linen', 'Yixing Pottery', '安溪茶厂']);
    const stock = await client.stock.overview({ warehouseId: main.id, limit: 50 });
    expect(Object.fromEntries(stock.rows.map((r) => [r.sku, r.onHand]))).toEqual({
      'LS-L-IND': 3,
      'LS-M-IND': 0,
      'LS-M-NAT': 7,
      'LS-S-NAT': 5,
      'TGY-100': 20,
      'TGY-250': 8,
      'YX-200': 6,
    });
    await noDrift(client);
  });
});

describe('CSV import: WooCommerce', () => {
  it('turns a variable product into a family, variations into its variants, kg and cm into g and mm', async () => {
    const { client, main } = await shop();
    const report = await analyze(client, 'woocommerce', 'woocommerce-products.csv', { warehouseId: main.id });
    expect(report.summary).toMatchObject({
      toCreate: 5,
      skipped: 2,
      familiesToCreate: 1,
      stockMovements: 4,
      stockUnits: 49,
    });
    expect(report.issues.map((i) => [i.sku, i.severity, i.code])).toEqual([
      ['CUP-SET', 'warning', 'rounded'],
      ['BUNDLE', 'warning', 'unsupportedType'],
      [null, 'warning', 'unsupportedType'],
    ]);
    await client.imports.commit({ reportId: report.reportId });

    const [family] = await client.productFamilies.list({});
    expect(family).toMatchObject({
      handle: 'hoodie',
      name: 'Hoodie 连帽衫',
      optionNames: ['Colour', 'Size'],
      description: 'Brushed fleece, "warm" and soft.\n• Cotton 80%\n• Polyester 20%',
    });
    const variants = (await client.products.list({ familyId: family.id })).rows;
    expect(variants.map((v) => [v.sku, v.optionValues, v.weightGrams, v.lengthMm, v.unitPrice])).toEqual([
      ['HOODIE-BLUE-L', { Colour: 'Blue', Size: 'L' }, 550, 300, 4500],
      ['HOODIE-BLUE-M', { Colour: 'Blue', Size: 'M' }, 500, 300, 4500],
      ['HOODIE-GREEN-M', { Colour: 'Green', Size: 'M' }, 500, 300, 4750],
    ]);
    expect(variants[2].allowBackorder).toBe(true);
    expect(await client.products.getBySku({ sku: 'TEA-JASMINE' })).toMatchObject({
      name: '茉莉花茶 Jasmine tea, 100 g',
      description: 'Scented with jasmine "seven times".\nStore dry, away from light.',
      taxClass: 'reduced-rate',
      reorderPoint: 5,
      weightGrams: 100,
      lengthMm: 80,
      heightMm: 120,
      unitPrice: 1250,
    });
    expect((await client.products.getBySku({ sku: 'CUP-SET' })).weightGrams).toBe(358);
    await noDrift(client);
  });
});

describe('CSV import: existing SKUs, conflicts, access', () => {
  const csv = (body: string) => Buffer.from(`sku,name,unit_price,barcode,reorder_point,stock\n${body}`);

  it('skips existing SKUs by default, or updates only the fields the file fills', async () => {
    const { client, main } = await shop();
    const existing = await client.products.create({
      sku: 'A-1',
      name: 'Old name',
      unitPrice: 1000,
      reorderPoint: 4,
      description: 'kept',
    });
    await client.stock.receive({ productId: existing.id, warehouseId: main.id, quantity: 2 });

    const skip = await analyze(client, 'oms', csv('A-1,New name,12.00,,,5\nB-1,New product,3.00,,,1\n'), {
      warehouseId: main.id,
    });
    expect(skip.summary).toMatchObject({ toCreate: 1, toUpdate: 0, skipped: 1 });
    expect(skip.issues.map((i) => [i.line, i.code])).toEqual([[2, 'existingSkipped']]);

    const update = await analyze(client, 'oms', csv('A-1,New name,12.00,,,5\nB-1,New product,3.00,,,1\n'), {
      warehouseId: main.id,
      existing: 'update',
    });
    expect(update.summary).toMatchObject({ toCreate: 1, toUpdate: 1, skipped: 0, stockUnits: 1 });
    expect(update.issues.map((i) => [i.line, i.code, i.params])).toEqual([
      [2, 'existingStockIgnored', { quantity: 5 }],
    ]);
    const result = await client.imports.commit({ reportId: update.reportId });
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect(await client.products.get({ id: existing.id })).toMatchObject({
      name: 'New name',
      unitPrice: 1200,
      reorderPoint: 4,
      description: 'kept',
    });
    expect((await client.stock.levels({ productId: existing.id }))[0].onHand).toBe(2);
    await noDrift(client);
  });

  it('refuses the commit when the catalogue changed since the dry run, writing nothing', async () => {
    const { app, client, main } = await shop();
    const report = await analyze(client, 'oms', 'oms-catalog.csv', { warehouseId: main.id });
    await client.products.create({ sku: 'MUG-01', name: 'Made meanwhile', unitPrice: 1 });
    const before = snapshot(app);
    const refused = await failure(client.imports.commit({ reportId: report.reportId }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('MUG-01');
    expect(snapshot(app)).toEqual(before);
  });

  it('is for owners and managers, and a report belongs to whoever made it', async () => {
    const { app, client } = await shop();
    await client.users.create({ username: 'clerk', displayName: 'Clerk', role: 'clerk', secret: '2468' });
    await client.users.create({ username: 'mgr', displayName: 'Manager', role: 'manager', secret: '3579' });
    const clerk = (await app.signIn('clerk', '2468')).client;
    const manager = (await app.signIn('mgr', '3579')).client;
    const text = 'sku,name,unit_price\nX,X,1\n';
    expect((await failure(clerk.imports.analyze({ format: 'oms', text }))).code).toBe('FORBIDDEN');
    expect((await failure(clerk.imports.export({ format: 'oms' }))).code).toBe('FORBIDDEN');
    const { reportId } = await client.imports.analyze({ format: 'oms', text });
    expect((await failure(manager.imports.report({ reportId }))).code).toBe('NOT_FOUND');
    expect((await failure(manager.imports.commit({ reportId }))).code).toBe('NOT_FOUND');
    expect((await failure(client.imports.analyze({ format: 'oms' }))).code).toBe('VALIDATION');
    expect((await client.imports.report({ reportId })).canCommit).toBe(true);
  });

  it('reports progress while it checks a large file, a chunk at a time', async () => {
    const { client, main } = await shop();
    const lines = ['sku,name,unit_price,stock'];
    for (let i = 0; i < 6000; i++) lines.push(`P-${i},Product ${i},${i % 90}.50,${i % 4}`);
    const { reportId } = await client.imports.analyze({
      format: 'oms',
      text: lines.join('\r\n'),
      warehouseId: main.id,
    });
    const seen: Array<{ state: string; processed: number; total: number }> = [];
    for (;;) {
      const progress = await client.imports.progress({ reportId });
      seen.push(progress);
      if (progress.state === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(seen.some((p) => p.state === 'checking' && p.processed > 0 && p.processed < p.total)).toBe(true);
    const report = await client.imports.report({ reportId });
    expect(report.summary).toMatchObject({ rows: 6000, toCreate: 6000, stockUnits: 1500 * 6 });
    await client.imports.commit({ reportId });
    expect((await client.products.list({})).total).toBe(6000);
    await noDrift(client);
  });
});

describe('CSV export', () => {
  it('exports each format so that it imports back into another shop the same', async () => {
    const source = await shop();
    await source.client.imports.commit({
      reportId: (await analyze(source.client, 'oms', 'oms-catalog.csv', { warehouseId: source.main.id })).reportId,
    });
    const original = (await source.client.products.list({ limit: 100 })).rows;

    for (const format of ['oms', 'shopify', 'woocommerce'] as const) {
      const exported = await source.client.imports.export({
        format,
        warehouseId: format === 'oms' ? null : source.main.id,
        includeArchived: true,
      });
      expect(exported.rows).toBe(7 + (format === 'woocommerce' ? 1 : 0));
      expect(exported.fileName).toMatch(new RegExp(`^products-${format}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const target = await shop();
      const report = await analyze(target.client, format, Buffer.from(exported.text), {
        warehouseId: target.main.id,
      });
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      await target.client.imports.commit({ reportId: report.reportId });
      const copied = (await target.client.products.list({ limit: 100 })).rows;
      expect(copied.map((p) => p.sku)).toEqual(original.map((p) => p.sku));
      for (const product of original) {
        const copy = copied.find((p) => p.sku === product.sku);
        expect(copy).toMatchObject({
          barcode: product.barcode,
          unitPrice: product.unitPrice,
          weightGrams: product.weightGrams,
          optionValues: product.optionValues,
          familyName: product.familyName,
          allowBackorder: product.allowBackorder,
        });
        if (format === 'oms') {
          expect(copy).toMatchObject({
            name: product.name,
            description: product.description,
            cost: product.cost,
            status: product.status,
            taxClass: product.taxClass,
            reorderPoint: product.reorderPoint,
          });
        }
      }
      const stockOf = async (client: Client, warehouseId: string) =>
        Object.fromEntries(
          (await client.stock.overview({ warehouseId, includeArchived: true })).rows.map((r) => [r.sku, r.onHand]),
        );
      expect(await stockOf(target.client, target.main.id)).toEqual(await stockOf(source.client, source.main.id));
      if (format === 'oms') {
        expect(await stockOf(target.client, target.sh1.id)).toEqual(await stockOf(source.client, source.sh1.id));
      }
      await noDrift(target.client);
    }
  });
});
