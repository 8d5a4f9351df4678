// Forecasts every series of a CSV file with the app's engine, on all cores:
//   npm run forecast -- --input FILE.csv --horizon H [--season M] --output OUT.csv
//                       [--methods ets,theta,…] [--models MODELS.csv] [--workers N]
// Input in long form `series_id,t,value` (an optional `censored` column of 0/1 marks
// stock-out periods); t orders each series' points (numbers, or ISO dates).
// Output `series_id,h,forecast,lo80,hi80,lo95,hi95`; --models also writes each series'
// chosen method and its backtest errors. A progress bar goes to stderr.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { forecastMany, type BatchItem } from '../src/main/forecasting/batch';
import { METHOD_NAMES, type MethodName } from '../src/main/forecasting/engine';

const usage =
  'Usage: npm run forecast -- --input FILE.csv --horizon H [--season M] --output OUT.csv ' +
  `[--methods ${METHOD_NAMES.join(',')}] [--models MODELS.csv] [--workers N]`;

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const { values: args } = parseArgs({
  options: {
    input: { type: 'string' },
    output: { type: 'string' },
    horizon: { type: 'string' },
    season: { type: 'string' },
    methods: { type: 'string' },
    models: { type: 'string' },
    workers: { type: 'string' },
  },
  strict: true,
});
if (!args.input || !args.output || !args.horizon) fail('--input, --horizon and --output are required.');
const horizon = Number(args.horizon);
if (!Number.isInteger(horizon) || horizon < 1) fail('--horizon must be a whole number of periods, at least 1.');
const season = args.season === undefined ? undefined : Number(args.season);
if (season !== undefined && (!Number.isInteger(season) || season < 1))
  fail('--season must be a whole number, at least 1.');
const methods = args.methods?.split(',').map((name) => name.trim()) as MethodName[] | undefined;
for (const name of methods ?? []) {
  if (!(METHOD_NAMES as readonly string[]).includes(name)) fail(`Unknown method ${name}.`);
}
const workers = args.workers === undefined ? undefined : Number(args.workers);
if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
  fail('--workers must be a whole number, 0 or more.');

interface Point {
  t: string;
  value: number;
  censored: boolean;
}

async function readSeries(path: string): Promise<Map<string, Point[]>> {
  const series = new Map<string, Point[]>();
  const parser = createReadStream(path).pipe(parse({ columns: true, skip_empty_lines: true, trim: true }));
  let line = 1;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    line++;
    if (row.series_id === undefined || row.t === undefined || row.value === undefined) {
      fail(`${path}: the header must name series_id, t and value.`);
    }
    const value = Number(row.value);
    if (row.value === '' || !Number.isFinite(value))
      fail(`${path} line ${line}: value "${row.value}" is not a number.`);
    const points = series.get(row.series_id) ?? [];
    points.push({ t: row.t, value, censored: row.censored === '1' || row.censored?.toLowerCase() === 'true' });
    series.set(row.series_id, points);
  }
  return series;
}

function sortByT(points: Point[]): Point[] {
  const numeric = points.every((point) => point.t !== '' && Number.isFinite(Number(point.t)));
  return points.sort((a, b) => (numeric ? Number(a.t) - Number(b.t) : a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
}

const number = (value: number) => String(Number(value.toPrecision(10)));
const csvCell = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

function progressBar(total: number) {
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let lastShown = -1;
  return (done: number) => {
    const share = total === 0 ? 1 : done / total;
    const step = Math.floor(share * (tty ? 200 : 10));
    if (step === lastShown && done !== total) return;
    lastShown = step;
    const seconds = (performance.now() - started) / 1000;
    const eta = done > 0 ? (seconds / done) * (total - done) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total} series, ${seconds.toFixed(1)} s${done < total ? `, about ${eta.toFixed(0)} s left` : ''}`;
    process.stderr.write(tty ? `\r${bar}` : `${bar}\n`);
    if (tty && done === total) process.stderr.write('\n');
  };
}

async function main() {
  const series = await readSeries(args.input!);
  const items: BatchItem[] = [...series].map(([id, points]) => {
    const sorted = sortByT(points);
    return {
      id,
      request: {
        values: sorted.map((point) => point.value),
        censored: sorted.some((point) => point.censored) ? sorted.map((point) => point.censored) : undefined,
        season,
        horizon,
        methods,
      },
    };
  });
  const show = progressBar(items.length);
  show(0);
  const outcomes = await forecastMany(items, { workers, onResult: (_, done) => show(done) });
  const output = createWriteStream(args.output!);
  const models = args.models ? createWriteStream(args.models) : null;
  await write(output, 'series_id,h,forecast,lo80,hi80,lo95,hi95\n');
  if (models) await write(models, 'series_id,method,backtest_smape,backtest_mase,backtest_origins\n');
  let failed = 0;
  for (const outcome of outcomes) {
    const id = csvCell(outcome.id);
    if (!outcome.result) {
      failed++;
      console.error(`${outcome.id}: ${outcome.error.message} ${JSON.stringify(outcome.error.details ?? '')}`);
      continue;
    }
    const r = outcome.result;
    let text = '';
    for (let h = 0; h < r.forecast.length; h++) {
      text += `${id},${h + 1},${number(r.forecast[h])},${number(r.lo80[h])},${number(r.hi80[h])},${number(r.lo95[h])},${number(r.hi95[h])}\n`;
    }
    await write(output, text);
    if (models) {
      const metric = (value: number) => (Number.isFinite(value) ? number(value) : '');
      await write(
        models,
        `${id},${csvCell(r.method)},${metric(r.backtest.smape)},${metric(r.backtest.mase)},${r.backtest.origins}\n`,
      );
    }
  }
  output.end();
  models?.end();
  await Promise.all([once(output, 'finish'), models ? once(models, 'finish') : null]);
  if (failed > 0) {
    console.error(`${failed} of ${outcomes.length} series could not be forecast (see above).`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
