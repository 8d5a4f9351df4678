import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '/work/main/src/main/app';
import { inWriteTransaction } from '/work/main/src/main/database/transaction';
import { placeOrder, orderRow, getOrder } from '/work/main/src/main/services/orders/orders';
import { takePayment } from '/work/main/src/main/services/orders/payments';
async function main() {

const app = await startApp({ databasePath: join(mkdtempSync(join(tmpdir(), 'p-')), 'x.db'), serverToken: null });
const c = (op: string, input: unknown, credential: unknown = null) => app.router.call(op as never, input as never, { transport: 'http', credential: credential as never });
const s = (await c('auth.setup', { owner: { username: 'owner', displayName: 'O', secret: '1234' }, store: { storeName: 'S', currency: 'CNY', locale: 'en', pricesIncludeTax: true } })) as { token: string; user: never };
const cred = await app.router.credentialFor(s.token);
const w = (await c('warehouses.create', { code: 'M', name: 'M' }, cred)) as { id: string };
const ps: string[] = [];
for (let i = 0; i < 3; i++) {
  const p = (await c('products.create', { sku: 'P' + i, name: 'P' + i, unitPrice: 1000 }, cred)) as { id: string };
  await c('stock.receive', { productId: p.id, warehouseId: w.id, quantity: 100000 }, cred);
  ps.push(p.id);
}
let statements = 0;
const counts = new Map<string, number>();
const Stmt = Object.getPrototypeOf(app.handle.sqlite.prepare('select 1'));
for (const m of ['run', 'all', 'get', 'iterate']) {
  const o = Stmt[m];
  Stmt[m] = function (this: { source: string }, ...a: unknown[]) {
    statements++;
    const k = this.source.slice(0, 90);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    return o.apply(this, a);
  };
}
const orig = app.handle.sqlite.prepare.bind(app.handle.sqlite);
const t0 = performance.now();
for (let i = 0; i < 1000; i++) {
  await inWriteTransaction(app.handle.db, async (db) => {
    const ctx = { db, actor: s.user };
    const id = await placeOrder(ctx, { channel: 'phone', customerId: '00000000-0000-7000-8000-000000000001', warehouseId: w.id, lines: ps.map((p, n) => ({ productId: p, quantity: 1 + n })), shipping: null, notes: '', confirm: true });
    const total = (await orderRow(ctx, id)).grand_total;
    await takePayment(ctx, id, { method: 'transfer', amount: total, reference: 'B' });
    await getOrder(ctx, id);
  });
}
console.log([...counts].sort((a,b)=>b[1]-a[1]).slice(0,45).map(([k,v])=>`${v/1000}\t${k}`).join('\n'));
console.log('ms/order', (performance.now() - t0) / 1000, statements, orig !== null);
await app.close();

}
void main();
