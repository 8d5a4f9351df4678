// `npm run bench -- forecast-run [--series N] [--weeks W] [--orders N] [--charts C]`
// (defaults 10000, 104, 20000, 20). Two parts:
// (a) the goal: N synthetic products × W weeks forecast through the app's worker
//     pool (two threads, batches of 25, as a run does), against one thread forecasting a
//     sample of the same series in this process (extrapolated to all N);
// (b) on the demo shop seeded with N orders (the orders bench's cache, copied): demand
//     history in days, weeks and months for every product (one aggregate query each), a
//     whole forecast run through the service, p50/p95 of one product's chart
//     (`forecasts.chart`: history + fresh forecast + store), and the reorder suggestions.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApp } from '../src/main/app';
import { HISTORY_VERSION } from '../src/main/demo/order-history';
import { seedShopWithOrders } from '../src/main/demo/seed-orders';
import { localDayOf } from '../src/main/services/forecasts/calendar';
import type { DemandSeries } from '../src/main/services/forecasts/demand-history';
import { demandHistory } from '../src/main/services/forecasts/demand-history';
import { forecastChart } from '../src/main/services/forecasts/forecast-queries';
import { forecastRunFinished, getForecastRun, startForecastRun } from '../src/main/services/forecasts/forecast-runs';
import type { WorkerBatch } from '../src/main/services/forecasts/forecast-worker';
import { reorderSuggestions } from '../src/main/services/forecasts/replenishment';
import { forecastOne } from '../src/main/services/forecasts/series-forecast';
import { runOnWorkers } from '../src/main/services/forecasts/worker-pool';

const { values: args } = parseArgs({
  options: {
    series: { type: 'string', default: '10000' },
    weeks: { type: 'string', default: '104' },
    orders: { type: 'string', default: '20000' },
    charts: { type: 'string', default: '20' },
  },
  strict: true,
});
const SERIES = Number(args.series);
const WEEKS = Number(args.weeks);
const ORDERS = Number(args.orders);
const CHARTS = Number(args.charts);
const SAMPLE = Math.min(SERIES, 500);
const TODAY = '2026-11-27';

const log = (message: string) => console.error(message);
const seconds = (started: number) => Math.round((performance.now() - started) / 10) / 100;
const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** sfc32: the same series on every run. */
function random(seed: number) {
  let [a, b, c, d] = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A shop's mix: steady sellers with a yearly season and trend, and slow, intermittent ones. */
function syntheticSeries(): DemandSeries[] {
  const next = random(7);
  return Array.from({ length: SERIES }, (_, i) => {
    const level = 0.5 + next() * 40;
    const slow = next() < 0.35;
    const amplitude = next() * 0.6;
    const trend = (next() - 0.4) * 0.01;
    const values = Array.from({ length: WEEKS }, (_, t) => {
      const mean = level * (1 + amplitude * Math.sin((2 * Math.PI * t) / 52)) * (1 + trend * t);
      if (slow) return next() < 0.25 ? 1 + Math.floor(next() * 3) : 0;
      return Math.max(0, Math.round(mean + (next() - 0.5) * 2 * Math.sqrt(mean)));
    });
    return {
      productId: `P${i}`,
      scope: 'all',
      bucket: 'week' as const,
      start: '2024-11-25',
      values,
      censored: values.map(() => next() < 0.02),
    };
  });
}

async function synthetic() {
  const series = syntheticSeries();
  const today = localDayOf(new Date(`${TODAY}T12:00:00`));
  log(`forecasting ${SERIES} × ${WEEKS} weeks on two worker threads…`);
  const batches: WorkerBatch[] = [];
  for (let i = 0; i < series.length; i += 25)
    batches.push({ batch: batches.length, today, series: series.slice(i, i + 25) });
  let forecasts = 0;
  let failures = 0;
  let nonFinite = 0;
  const methods = new Map<string, number>();
  const cpuBefore = process.cpuUsage();
  const began = performance.now();
  await runOnWorkers(
    batches,
    async (answer) => {
      forecasts += answer.forecasts.length;
      failures += answer.failures.length;
      for (const f of answer.forecasts) {
        if (!f.bands.forecast.every(Number.isFinite)) nonFinite += 1;
        const family = f.method.replace(/\(.*$/, '');
        methods.set(family, (methods.get(family) ?? 0) + 1);
      }
    },
    new AbortController().signal,
  );
  const pool = seconds(began);
  // Process CPU time counts every thread: with the machine shared, wall time alone cannot
  // tell a slow pool from a busy machine, CPU time over wall time can (up to 2 on two cores).
  const poolCpu = cpuSeconds(process.cpuUsage(cpuBefore));
  if (forecasts + failures !== SERIES || nonFinite > 0)
    throw new Error(`wrong: ${forecasts} forecasts, ${failures} failures, ${nonFinite} not finite`);
  log(`one thread, ${SAMPLE} of them…`);
  const oneCpuBefore = process.cpuUsage();
  const oneBegan = performance.now();
  for (const s of series.slice(0, SAMPLE)) forecastOne(s, today);
  const oneThread = (seconds(oneBegan) * SERIES) / SAMPLE;
  const oneThreadCpu = (cpuSeconds(process.cpuUsage(oneCpuBefore)) * SERIES) / SAMPLE;
  return {
    series: SERIES,
    weeks: WEEKS,
    seconds: pool,
    seriesPerSecond: round(SERIES / pool),
    failures,
    methods: Object.fromEntries([...methods].sort((a, b) => b[1] - a[1])),
    cpuSeconds: round(poolCpu, 2),
    parallelism: round(poolCpu / pool, 2),
    oneThreadSeconds: round(oneThread, 2),
    oneThreadCpuSeconds: round(oneThreadCpu, 2),
    speedup: round(oneThread / pool, 2),
    goalSeconds: 60,
  };
}

/** The orders bench's seeded shop, made once per N; this bench works on a copy of it. */
async function seededCopy(): Promise<{ path: string; folder: string }> {
  const cache = process.env.OMS_BENCH_CACHE ?? join(tmpdir(), 'oms-bench-cache');
  mkdirSync(cache, { recursive: true });
  const cached = join(cache, `orders-${ORDERS}-seed1-v${HISTORY_VERSION}.db`);
  if (!existsSync(cached)) {
    log(`seeding ${ORDERS.toLocaleString('en')} orders into ${cached}…`);
    const partial = `${cached}.partial`;
    const app = await startApp({ databasePath: partial });
    try {
      await seedShopWithOrders(app, { orders: ORDERS, seed: 1, today: TODAY, onProgress: log, onSecondThread: true });
    } finally {
      await app.close();
    }
    renameSync(partial, cached);
  }
  const folder = mkdtempSync(join(tmpdir(), 'oms-forecast-bench-'));
  const path = join(folder, 'shop.db');
  log(`copying ${cached}…`);
  copyFileSync(cached, path);
  return { path, folder };
}

async function seeded() {
  const { path, folder } = await seededCopy();
  const app = await startApp({ databasePath: path });
  try {
    const ctx = { db: app.handle.db, actor: null };
    const history: Record<string, { seconds: number; series: number }> = {};
    for (const bucket of ['day', 'week', 'month'] as const) {
      log(`demand history in ${bucket}s…`);
      const began = performance.now();
      const series = await demandHistory(ctx, { bucket });
      history[bucket] = { seconds: seconds(began), series: series.length };
    }
    log('a whole forecast run (weeks)…');
    const began = performance.now();
    const started = await startForecastRun(app.handle.db, null, { bucket: 'week' });
    await forecastRunFinished(app.handle.db);
    const run = await getForecastRun(app.handle.db, started.id);
    if (run.status !== 'done') throw new Error(`the run ended ${run.status}: ${run.failure}`);
    const runSeconds = seconds(began);

    const products = await app.handle.db
      .selectFrom('forecasts')
      .select('product_id')
      .where('scope', '=', 'all')
      .where('bucket', '=', 'week')
      .orderBy('next30', 'desc')
      .limit(CHARTS)
      .execute();
    const charts: Record<string, { p50: number; p95: number }> = {};
    for (const bucket of ['week', 'day'] as const) {
      log(`${products.length} charts in ${bucket}s…`);
      const times: number[] = [];
      for (const { product_id } of products) {
        const chartBegan = performance.now();
        await forecastChart(ctx, { productId: product_id, scope: 'all', bucket });
        times.push(performance.now() - chartBegan);
      }
      times.sort((a, b) => a - b);
      charts[bucket] = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
    }
    const suggestionsBegan = performance.now();
    const suggestions = await reorderSuggestions(ctx, { onlyToOrder: false });
    return {
      orders: ORDERS,
      historySeconds: history,
      run: { seconds: runSeconds, series: run.seriesTotal, failed: run.seriesFailed },
      chartMs: { ...charts, goal: 200 },
      suggestions: { rows: suggestions.length, seconds: seconds(suggestionsBegan) },
    };
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main() {
  const a = await synthetic();
  const b = await seeded();
  console.log(JSON.stringify({ bench: 'forecast-run', synthetic: a, seeded: b }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
