// Printing at a warehouse's scale: 500 packing slips in one batch PDF, the way `serve`
// makes them (documents.render → Chromium's PDF), on the demo shop seeded with order
// history. Baselines in the same run: the HTML alone for the same slips, and one slip's
// PDF on the warm browser. Peak memory of this process and of Chromium's processes.
// `npm run bench -- printing [--orders N] [--slips S]` (defaults 1000 and 500).
// Prints one JSON line; progress goes to stderr. Needs /usr/bin/chromium and pdfinfo.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startApp } from '../src/main/app';
import { seedShopWithOrders } from '../src/main/demo/seed-orders';
import { chromiumPdfRenderer } from '../src/main/pdf/chromium-pdf';
import type { RenderedDocument } from '../src/shared/domain/documents';

const { values: args } = parseArgs({
  options: { orders: { type: 'string', default: '1000' }, slips: { type: 'string', default: '500' } },
  strict: true,
});
const ORDERS = Number(args.orders);
const SLIPS = Math.min(Number(args.slips), ORDERS);
const GOAL_MS = 30_000;
const TOKEN = 'bench-printing';

const log = (message: string) => console.error(message);
const ms = (started: bigint) => Math.round(Number(process.hrtime.bigint() - started) / 1e6);
const mb = (kb: number) => Math.round(kb / 1024);

/** Resident memory (kB) of every process below this one: Chromium's browser, GPU, renderer and utility processes. */
function childrenRssKb(): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const below = (pid: number): boolean => {
    for (let parent = parents.get(pid); parent && parent > 1; parent = parents.get(parent)) {
      if (parent === process.pid) return true;
    }
    return false;
  };
  let total = 0;
  for (const pid of parents.keys()) {
    if (!below(pid)) continue;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

function pagesOf(pdf: Buffer, folder: string): number {
  const file = join(folder, 'batch.pdf');
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'oms-bench-printing-'));
  const app = await startApp({ databasePath: join(folder, 'shop.db'), serverToken: TOKEN });
  const pdf = chromiumPdfRenderer();
  let chromiumPeakKb = 0;
  const sampler = setInterval(() => (chromiumPeakKb = Math.max(chromiumPeakKb, childrenRssKb())), 100);
  try {
    log(`seeding the demo shop with ${ORDERS} orders…`);
    await seedShopWithOrders(app, { orders: ORDERS, seed: 1, today: '2026-11-27' });
    const rows = await app.handle.db
      .selectFrom('orders')
      .select(['id', 'number'])
      .where('ships', '=', 1)
      .orderBy('placed_at', 'desc')
      .limit(SLIPS)
      .execute();
    if (rows.length < SLIPS) throw new Error(`only ${rows.length} orders ship; seed more with --orders`);
    const orderIds = rows.map((row) => row.id);
    const caller = { transport: 'http' as const, credential: await app.router.credentialFor(TOKEN) };
    const render = (ids: string[]) =>
      app.router.call('documents.render', { kind: 'packing-slip', orderIds: ids }, caller) as Promise<RenderedDocument>;

    log(`baseline: the HTML of ${SLIPS} slips…`);
    let started = process.hrtime.bigint();
    const html = await render(orderIds);
    const htmlMs = ms(started);

    log('baseline: one slip as PDF (the browser started first)…');
    await pdf.render(await render(orderIds.slice(0, 1)));
    started = process.hrtime.bigint();
    const one = await pdf.render(await render(orderIds.slice(0, 1)));
    const oneSlipMs = ms(started);

    log(`${SLIPS} slips in one batch PDF…`);
    started = process.hrtime.bigint();
    const batch = await pdf.render(await render(orderIds));
    const batchMs = ms(started);
    const pages = pagesOf(batch, folder);
    // A wrong answer is a failed run: every slip starts a page, so there are at least as many pages as slips.
    if (pages < SLIPS) throw new Error(`the batch PDF has ${pages} pages for ${SLIPS} slips`);
    if (!html.html.includes(rows[SLIPS - 1].number)) throw new Error('the last slip is missing from the HTML');

    console.log(
      JSON.stringify({
        bench: 'printing',
        orders: ORDERS,
        slips: SLIPS,
        pages,
        batchMs,
        goalMs: GOAL_MS,
        withinGoal: batchMs <= GOAL_MS,
        msPerSlip: Math.round((batchMs / SLIPS) * 10) / 10,
        batchPdfMb: Math.round((batch.length / 1024 / 1024) * 10) / 10,
        baseline: {
          htmlMs,
          htmlMb: Math.round((html.html.length / 1024 / 1024) * 10) / 10,
          oneSlipMs,
          oneSlipPdfKb: Math.round(one.length / 1024),
        },
        peakRssMb: { node: mb(process.resourceUsage().maxRSS), chromium: mb(chromiumPeakKb) },
      }),
    );
  } finally {
    clearInterval(sampler);
    await pdf.close();
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
