// Picking and packing through the router on a generated warehouse: making one pick list
// for a batch of orders, each pick scan (which answers with the whole list) and each pack
// scan (which answers with the whole order), against the bare reads those answers are.
// Wrong if a unit is lost, a line is out of walk order, or a refusal changes anything.
// Prints one JSON line; progress goes to stderr.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/main/app';
import type { OperationName } from '../src/shared/contract';
import { compareBinCodes, type PackingOrder, type PickList } from '../src/shared/domain/picking';

const ORDERS = Number(process.argv[2] ?? 200);
const PRODUCTS = Number(process.argv[3] ?? 400);
const BINS = 240;

/** A small seeded generator (mulberry32), so every run builds the same warehouse. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

async function timed<T>(samples: number[], call: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const result = await call();
  samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  return result;
}

function wrong(message: string): never {
  console.error(`WRONG: ${message}`);
  process.exit(1);
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'oms-bench-'));
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
    const call = <T>(op: OperationName, input: unknown) => app.router.call(op, input, owner) as Promise<T>;
    const next = random(7);

    console.error(`setting up ${BINS} bins, ${PRODUCTS} products, ${ORDERS} confirmed orders…`);
    const warehouse = await call<{ id: string }>('warehouses.create', { code: 'MAIN', name: 'Main' });
    const bins: string[] = [];
    for (let i = 0; i < BINS; i++) {
      const code = `${String.fromCharCode(65 + (i % 12))}-${Math.floor(i / 12) + 1}`;
      bins.push((await call<{ id: string }>('warehouses.createLocation', { warehouseId: warehouse.id, code })).id);
    }
    const products: string[] = [];
    for (let i = 0; i < PRODUCTS; i++) {
      const product = await call<{ id: string }>('products.create', {
        sku: `SKU-${String(i).padStart(5, '0')}`,
        name: `Product ${i}`,
        unitPrice: 1000,
      });
      products.push(product.id);
      await call('stock.receive', { productId: product.id, locationId: bins[i % BINS], quantity: 1000 });
    }
    const orders: string[] = [];
    let units = 0;
    for (let i = 0; i < ORDERS; i++) {
      const chosen = new Set<string>();
      while (chosen.size < 3) chosen.add(products[Math.floor(next() * PRODUCTS)]);
      const lines = [...chosen].map((productId) => ({ productId, quantity: 1 + Math.floor(next() * 3) }));
      units += lines.reduce((sum, l) => sum + l.quantity, 0);
      orders.push(
        (await call<{ id: string }>('orders.create', { warehouseId: warehouse.id, confirm: true, lines })).id,
      );
    }

    console.error(`making one pick list for ${ORDERS} orders…`);
    const createMs: number[] = [];
    const list = await timed(createMs, () => call<PickList>('pickLists.create', { orders }));
    if (list.units !== units) wrong(`the list holds ${list.units} units, the orders ${units}`);
    for (const [i, line] of list.lines.entries()) {
      if (i > 0 && compareBinCodes(list.lines[i - 1].locationCode, line.locationCode) > 0) wrong('walk order');
      if (line.orders.reduce((sum, o) => sum + o.quantity, 0) !== line.quantity) wrong(`line ${line.seq} shares`);
    }

    console.error(`scanning ${units} units…`);
    const scanMs: number[] = [];
    const getMs: number[] = [];
    for (const line of list.lines) {
      const sku = line.sku;
      for (let u = 0; u < line.quantity; u++) {
        await timed(scanMs, () => call('pickLists.scan', { id: list.id, code: sku, locationCode: line.locationCode }));
      }
      await timed(getMs, () => call('pickLists.get', { id: list.id }));
    }
    const over = await call<PickList>('pickLists.get', { id: list.id });
    if (over.picked !== units) wrong(`picked ${over.picked} of ${units}`);
    const refused = await app.router
      .call('pickLists.scan', { id: list.id, code: list.lines[0].sku }, owner)
      .then(() => false)
      .catch(() => true);
    if (!refused) wrong('an over-pick was accepted');
    await call('pickLists.complete', { id: list.id });

    const packed = orders.slice(0, Math.min(50, ORDERS));
    console.error(`packing ${packed.length} orders…`);
    const packMs: number[] = [];
    const viewMs: number[] = [];
    for (const id of packed) {
      const view = await timed(viewMs, () => call<PackingOrder>('packing.order', { order: id }));
      for (const line of view.lines) {
        for (let u = 0; u < line.toPack; u++)
          await timed(packMs, () => call('packing.scan', { order: id, code: line.sku }));
      }
      const full = await call<PackingOrder>('packing.order', { order: id });
      const before = JSON.stringify(full);
      const tooMany = await app.router
        .call('packing.scan', { order: id, code: full.lines[0].sku }, owner)
        .then(() => false)
        .catch(() => true);
      if (!tooMany || JSON.stringify(await call('packing.order', { order: id })) !== before) wrong('pack refusal');
      const closed = await call<PackingOrder>('packing.close', {
        shipmentId: full.openPackage!.id,
        weightGrams: 1000,
        lengthMm: 300,
        widthMm: 200,
        heightMm: 100,
      });
      if (closed.fulfilmentStatus !== 'packed') wrong(`order ${closed.number} is ${closed.fulfilmentStatus}`);
    }

    console.log(
      JSON.stringify({
        bench: 'picking',
        orders: ORDERS,
        products: PRODUCTS,
        bins: BINS,
        units,
        listLines: list.lines.length,
        createListMs: Math.round(createMs[0]),
        pickScanMs: percentiles(scanMs),
        pickListGetMs: percentiles(getMs),
        packScanMs: percentiles(packMs),
        packOrderGetMs: percentiles(viewMs),
        node: process.version,
      }),
    );
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
