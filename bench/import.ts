// What a catalogue import costs: a CSV of our own format with ROWS products (a fifth of
// them variants in families of four, names in Chinese and English, a barcode each, opening
// stock in two warehouses), sent through the router as base64 the way the UI sends it:
// `imports.analyze` (the dry run, polled with `imports.progress` as the progress bar does)
// and `imports.commit` (one transaction). The baseline in the same run is csv-parse alone
// reading the same text. `npm run bench -- import [rows]` (default 100000).
// Prints one JSON line; progress goes to stderr.
import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/main/app';
import { csvLine } from '../src/main/services/catalog/csv/export';
import { OMS_COLUMNS } from '../src/main/services/catalog/csv/format-oms';
import { gtinCheckDigit } from '../src/shared/domain/barcode';

const ROWS = Number(process.argv[2] ?? 100_000);
const FAMILY_EVERY = 5;
const SIZES = ['S', 'M', 'L', 'XL'];
const NAMES = [
  '云南普洱茶',
  '西湖龙井',
  'Linen towel',
  'Celadon mug',
  '铁观音',
  'Walnut tray',
  '竹制茶盘',
  'Copper kettle',
];

const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const log = (message: string) => console.error(message);

function ean13(n: number): string {
  const body = `69${String(n).padStart(10, '0')}`;
  return body + gtinCheckDigit(body);
}

function makeCsv(): string {
  const lines = [csvLine([...OMS_COLUMNS, 'stock', 'stock:W2'])];
  let row = 0;
  for (let group = 0; row < ROWS; group++) {
    const family = group % FAMILY_EVERY === 0;
    const name = `${NAMES[group % NAMES.length]} ${group}`;
    for (const size of family ? SIZES : [null]) {
      if (row >= ROWS) break;
      const cells: Record<(typeof OMS_COLUMNS)[number], string | number> = {
        sku: size ? `F${group}-${size}` : `P${group}`,
        name: size ? `${name} ${size}` : name,
        description: row % 10 === 0 ? `Line one, with a comma\nline two "quoted"` : '',
        barcode: ean13(row + 1),
        unit_price: `${(row % 500) + 1}.${String(row % 100).padStart(2, '0')}`,
        tax_class: 'standard',
        weight_g: 100 + (row % 900),
        length_mm: '',
        width_mm: '',
        height_mm: '',
        supplier: `Supplier ${group % 40}`,
        lead_time_days: 7 + (group % 30),
        reorder_point: row % 20,
        allow_backorder: row % 50 === 0 ? 'yes' : 'no',
        status: 'active',
        cost: `${(row % 300) + 1}.00`,
        family_handle: size ? `family-${group}` : '',
        family_name: size ? name : '',
        family_description: '',
        option1_name: size ? 'Size' : '',
        option1_value: size ?? '',
        option2_name: '',
        option2_value: '',
        option3_name: '',
        option3_value: '',
      };
      lines.push(csvLine([...OMS_COLUMNS.map((c) => cells[c]), (row % 37) + 1, row % 3 === 0 ? 5 : '']));
      row++;
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'oms-bench-import-'));
  const app = await startApp({ databasePath: join(folder, 'bench.db'), serverToken: 'bench' });
  try {
    const session = (await app.router.call(
      'auth.setup',
      {
        owner: { username: 'owner', displayName: 'Owner', secret: '1234' },
        store: { storeName: 'Bench', currency: 'CNY', locale: 'en', pricesIncludeTax: true },
      },
      { transport: 'http', credential: null },
    )) as { token: string };
    const owner = { transport: 'http' as const, credential: await app.router.credentialFor(session.token) };
    const call = <T>(operation: string, input: unknown) => app.router.call(operation, input, owner) as Promise<T>;
    const main = await call<{ id: string }>('warehouses.create', { code: 'W1', name: 'Main' });
    await call('warehouses.create', { code: 'W2', name: 'Second' });

    const text = makeCsv();
    const base64 = Buffer.from(text, 'utf8').toString('base64');
    log(
      `generated ${ROWS} rows: ${(text.length / 1024 / 1024).toFixed(1)} MB of CSV, ${(base64.length / 1024 / 1024).toFixed(1)} MB as base64`,
    );

    let started = process.hrtime.bigint();
    const parsed = parse(text, { relax_column_count: true, skip_empty_lines: true });
    const parseMs = ms(started);
    log(`baseline: csv-parse read ${parsed.length - 1} rows in ${parseMs.toFixed(0)} ms`);

    started = process.hrtime.bigint();
    const { reportId } = await call<{ reportId: string }>('imports.analyze', {
      format: 'oms',
      fileName: 'bench.csv',
      base64,
      warehouseId: main.id,
      existing: 'skip',
    });
    let polls = 0;
    let midway = 0;
    for (;;) {
      const progress = await call<{ state: string; processed: number; total: number }>('imports.progress', {
        reportId,
      });
      polls++;
      if (progress.state === 'checking' && progress.processed > 0 && progress.processed < progress.total) midway++;
      if (progress.state === 'ready' || progress.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const report = await call<{ summary: { toCreate: number; errors: number; warnings: number; stockUnits: number } }>(
      'imports.report',
      { reportId, limit: 10 },
    );
    const analyzeMs = ms(started);
    log(
      `analyze: ${analyzeMs.toFixed(0)} ms, ${polls} progress polls (${midway} mid-way), ${JSON.stringify(report.summary)}`,
    );

    started = process.hrtime.bigint();
    const result = await call<{ created: number; stockMovements: number; stockUnits: number }>('imports.commit', {
      reportId,
    });
    const commitMs = ms(started);
    log(`commit: ${commitMs.toFixed(0)} ms, ${JSON.stringify(result)}`);

    started = process.hrtime.bigint();
    const verified = await call<{ binDriftCount: number; summaryDriftCount: number }>('stock.verify', {});
    const verifyMs = ms(started);
    const correct =
      result.created === ROWS &&
      report.summary.errors === 0 &&
      result.stockUnits === report.summary.stockUnits &&
      verified.binDriftCount + verified.summaryDriftCount === 0;
    if (!correct) log('WRONG ANSWER: the import did not create every row, or the ledger drifts');

    console.log(
      JSON.stringify({
        bench: 'import',
        rows: ROWS,
        csvMb: Math.round((text.length / 1024 / 1024) * 10) / 10,
        baselineParseS: Math.round(parseMs) / 1000,
        analyzeS: Math.round(analyzeMs) / 1000,
        commitS: Math.round(commitMs) / 1000,
        analyzeTimesParse: Math.round((analyzeMs / parseMs) * 10) / 10,
        progressPolls: polls,
        progressMidway: midway,
        created: result.created,
        stockMovements: result.stockMovements,
        stockUnits: result.stockUnits,
        verifyS: Math.round(verifyMs) / 1000,
        drift: verified.binDriftCount + verified.summaryDriftCount,
        correct,
        peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
        node: process.version,
      }),
    );
    if (!correct) process.exitCode = 1;
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
