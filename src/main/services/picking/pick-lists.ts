import type { FulfilmentStatus } from '../../../shared/domain/orders';
import {
  compareBinCodes,
  type PickableOrder,
  type PickList,
  type PickListLine,
  type PickListStatus,
  type PickListSummary,
  type ShortReason,
} from '../../../shared/domain/picking';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit';
import { lookupProduct } from '../catalog/products';
import { nowIso, type ServiceContext } from '../context';
import { nextDocumentNumber } from '../document-numbers';
import { newId } from '../ids';
import { findOrderId } from '../orders/orders';
import { recordOrderEvent } from '../orders/order-events';
import { OFF_THE_SHELF, unitsInParcels } from '../packing/parcel-units';

/** Stages in which units are in a box or gone: no longer on a shelf to be picked. */

async function pickListRow(ctx: ServiceContext, idOrNumber: string) {
  const row = await ctx.db
    .selectFrom('pick_lists')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No pick list ${idOrNumber}`, { entity: 'pickList', id: idOrNumber });
  return row;
}

async function openPickListRow(ctx: ServiceContext, idOrNumber: string) {
  const row = await pickListRow(ctx, idOrNumber);
  if (row.status !== 'open') {
    throw new AppError('INVALID_STATE', `Pick list ${row.number} is ${row.status}`, {
      id: row.id,
      status: row.status,
    });
  }
  return row;
}

export async function getPickList(ctx: ServiceContext, idOrNumber: string): Promise<PickList> {
  const row = await pickListRow(ctx, idOrNumber);
  const warehouse = await ctx.db
    .selectFrom('warehouses')
    .select('code')
    .where('id', '=', row.warehouse_id)
    .executeTakeFirstOrThrow();
  const orders = await ctx.db
    .selectFrom('pick_list_orders')
    .innerJoin('orders', 'orders.id', 'pick_list_orders.order_id')
    .select([
      'orders.id as orderId',
      'orders.number as number',
      'orders.customer_name as customerName',
      'orders.fulfilment_status as fulfilmentStatus',
      'pick_list_orders.tote as tote',
      'pick_list_orders.withdrawn as withdrawn',
    ])
    .where('pick_list_orders.pick_list_id', '=', row.id)
    .orderBy('pick_list_orders.tote')
    .execute();
  const lines = await ctx.db
    .selectFrom('pick_list_lines')
    .innerJoin('products', 'products.id', 'pick_list_lines.product_id')
    .innerJoin('locations', 'locations.id', 'pick_list_lines.location_id')
    .select([
      'pick_list_lines.id as id',
      'pick_list_lines.seq as seq',
      'pick_list_lines.product_id as productId',
      'products.sku as sku',
      'products.name as name',
      'products.barcode as barcode',
      'pick_list_lines.location_id as locationId',
      'locations.code as locationCode',
      'pick_list_lines.quantity as quantity',
      'pick_list_lines.picked_quantity as picked',
      'pick_list_lines.short_reason as shortReason',
    ])
    .where('pick_list_lines.pick_list_id', '=', row.id)
    .orderBy('pick_list_lines.seq')
    .execute();
  const allocations = await ctx.db
    .selectFrom('pick_list_allocations')
    .innerJoin('pick_list_lines', 'pick_list_lines.id', 'pick_list_allocations.pick_list_line_id')
    .select([
      'pick_list_allocations.pick_list_line_id as lineId',
      'pick_list_allocations.order_id as orderId',
      'pick_list_allocations.quantity as quantity',
    ])
    .where('pick_list_lines.pick_list_id', '=', row.id)
    .execute();
  const orderById = new Map(orders.map((o) => [o.orderId, o]));
  const sharesOf = new Map<string, PickListLine['orders']>();
  for (const a of allocations) {
    const order = orderById.get(a.orderId)!;
    const shares = sharesOf.get(a.lineId) ?? [];
    shares.push({ orderId: a.orderId, number: order.number, tote: order.tote, quantity: a.quantity });
    sharesOf.set(a.lineId, shares);
  }
  return {
    id: row.id,
    number: row.number,
    warehouseId: row.warehouse_id,
    warehouseCode: warehouse.code,
    status: row.status,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    picked: lines.reduce((sum, l) => sum + l.picked, 0),
    orders: orders.map((o) => ({ ...o, withdrawn: o.withdrawn === 1 })),
    lines: lines.map((line) => ({
      ...line,
      orders: (sharesOf.get(line.id) ?? []).sort((a, b) => a.tote - b.tote),
    })),
  };
}

export async function listPickLists(
  ctx: ServiceContext,
  input: { status?: PickListStatus; limit: number },
): Promise<PickListSummary[]> {
  let query = ctx.db
    .selectFrom('pick_lists')
    .innerJoin('warehouses', 'warehouses.id', 'pick_lists.warehouse_id')
    .select([
      'pick_lists.id as id',
      'pick_lists.number as number',
      'pick_lists.warehouse_id as warehouseId',
      'warehouses.code as warehouseCode',
      'pick_lists.status as status',
      'pick_lists.created_at as createdAt',
      'pick_lists.finished_at as finishedAt',
    ])
    .select((eb) => [
      eb
        .selectFrom('pick_list_orders')
        .select((o) => o.fn.countAll<number>().as('n'))
        .whereRef('pick_list_orders.pick_list_id', '=', 'pick_lists.id')
        .where('pick_list_orders.withdrawn', '=', 0)
        .as('orderCount'),
      eb
        .selectFrom('pick_list_lines')
        .select((l) => l.fn.countAll<number>().as('n'))
        .whereRef('pick_list_lines.pick_list_id', '=', 'pick_lists.id')
        .as('lineCount'),
      eb
        .selectFrom('pick_list_lines')
        .select((l) => l.fn.countAll<number>().as('n'))
        .whereRef('pick_list_lines.pick_list_id', '=', 'pick_lists.id')
        .where('pick_list_lines.short_reason', 'is not', null)
        .as('shortLines'),
      eb
        .selectFrom('pick_list_lines')
        .select((l) => l.fn.coalesce(l.fn.sum<number>('quantity'), l.lit(0)).as('n'))
        .whereRef('pick_list_lines.pick_list_id', '=', 'pick_lists.id')
        .as('units'),
      eb
        .selectFrom('pick_list_lines')
        .select((l) => l.fn.coalesce(l.fn.sum<number>('picked_quantity'), l.lit(0)).as('n'))
        .whereRef('pick_list_lines.pick_list_id', '=', 'pick_lists.id')
        .as('picked'),
    ])
    .orderBy('pick_lists.created_at', 'desc')
    .orderBy('pick_lists.id', 'desc')
    .limit(input.limit);
  if (input.status) query = query.where('pick_lists.status', '=', input.status);
  const rows = await query.execute();
  return rows.map((r) => ({
    ...r,
    orderCount: Number(r.orderCount ?? 0),
    lineCount: Number(r.lineCount ?? 0),
    shortLines: Number(r.shortLines ?? 0),
    units: Number(r.units ?? 0),
    picked: Number(r.picked ?? 0),
  }));
}

/** Orders on a pick list that is still open (withdrawn ones aside). */
async function ordersOnOpenLists(ctx: ServiceContext, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  return ctx.db
    .selectFrom('pick_list_orders')
    .innerJoin('pick_lists', 'pick_lists.id', 'pick_list_orders.pick_list_id')
    .select(['pick_list_orders.order_id as orderId', 'pick_lists.number as pickList'])
    .where('pick_lists.status', '=', 'open')
    .where('pick_list_orders.withdrawn', '=', 0)
    .where('pick_list_orders.order_id', 'in', orderIds)
    .execute();
}

/**
 * Units of each order line already picked on completed lists. A line's picked units go
 * to its orders in tote order, as the scans said.
 */
async function pickedOnDoneLists(ctx: ServiceContext, orderIds: readonly string[]): Promise<Map<string, number>> {
  const shares = await ctx.db
    .selectFrom('pick_list_allocations')
    .innerJoin('pick_list_lines', 'pick_list_lines.id', 'pick_list_allocations.pick_list_line_id')
    .innerJoin('pick_lists', 'pick_lists.id', 'pick_list_lines.pick_list_id')
    .innerJoin('pick_list_orders', (join) =>
      join
        .onRef('pick_list_orders.pick_list_id', '=', 'pick_lists.id')
        .onRef('pick_list_orders.order_id', '=', 'pick_list_allocations.order_id'),
    )
    .select([
      'pick_list_lines.id as lineId',
      'pick_list_lines.picked_quantity as picked',
      'pick_list_allocations.order_line_id as orderLineId',
      'pick_list_allocations.quantity as quantity',
      'pick_list_orders.tote as tote',
    ])
    .where('pick_lists.status', '=', 'done')
    .where('pick_list_allocations.order_id', 'in', orderIds)
    .orderBy('pick_list_lines.id')
    .orderBy('pick_list_orders.tote')
    .execute();
  const picked = new Map<string, number>();
  const handedOut = new Map<string, number>();
  for (const share of shares) {
    // Units of the line picked before this order's turn went to orders with a lower tote.
    const before = handedOut.get(share.lineId) ?? 0;
    const mine = Math.max(0, Math.min(share.quantity, share.picked - before));
    handedOut.set(share.lineId, before + share.quantity);
    picked.set(share.orderLineId, (picked.get(share.orderLineId) ?? 0) + mine);
  }
  return picked;
}

/**
 * What each held order line still needs from the shelves: ordered, less what is boxed or
 * shipped, or picked on a completed list (whichever is more: picked units go into boxes).
 */
async function unitsToPick(ctx: ServiceContext, orderIds: readonly string[]) {
  const lines = await ctx.db
    .selectFrom('order_lines')
    .innerJoin('stock_reservations', 'stock_reservations.id', 'order_lines.reservation_id')
    .select([
      'order_lines.id as id',
      'order_lines.order_id as orderId',
      'order_lines.quantity as quantity',
      'stock_reservations.id as reservationId',
      'stock_reservations.product_id as productId',
    ])
    .where('order_lines.order_id', 'in', orderIds)
    .where('stock_reservations.status', '=', 'open')
    .orderBy('order_lines.line_no')
    .execute();
  const boxed = await unitsInParcels(ctx, orderIds, OFF_THE_SHELF);
  const picked = await pickedOnDoneLists(ctx, orderIds);
  return lines
    .map((line) => ({
      ...line,
      toPick: line.quantity - Math.max(boxed.get(line.id) ?? 0, picked.get(line.id) ?? 0),
    }))
    .filter((line) => line.toPick > 0);
}

/** Confirmed orders of a warehouse with held stock to pick, not on an open pick list, oldest first. */
export async function pickableOrders(
  ctx: ServiceContext,
  input: { warehouseId: string; limit: number },
): Promise<PickableOrder[]> {
  const found: PickableOrder[] = [];
  // Orders picked in full but not yet packed are still `picking`: read on past them.
  for (let offset = 0; found.length < input.limit; offset += input.limit) {
    const candidates = await pickingCandidates(ctx, input.warehouseId, offset, input.limit);
    if (candidates.length === 0) break;
    const needs = await unitsToPick(
      ctx,
      candidates.map((c) => c.id),
    );
    const units = new Map<string, number>();
    for (const line of needs) units.set(line.orderId, (units.get(line.orderId) ?? 0) + line.toPick);
    for (const c of candidates) if (units.has(c.id)) found.push({ ...c, units: units.get(c.id)! });
    if (candidates.length < input.limit) break;
  }
  return found.slice(0, input.limit);
}

function pickingCandidates(ctx: ServiceContext, warehouseId: string, offset: number, limit: number) {
  return ctx.db
    .selectFrom('orders')
    .select([
      'id',
      'number',
      'customer_name as customerName',
      'placed_at as placedAt',
      'promised_date as promisedDate',
      'fulfilment_status as fulfilmentStatus',
    ])
    .where('status', '=', 'confirmed')
    .where('warehouse_id', '=', warehouseId)
    .where('fulfilment_status', 'in', ['unfulfilled', 'picking'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('order_lines')
          .innerJoin('stock_reservations', 'stock_reservations.id', 'order_lines.reservation_id')
          .select('order_lines.id')
          .whereRef('order_lines.order_id', '=', 'orders.id')
          .where('stock_reservations.status', '=', 'open'),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pick_list_orders')
            .innerJoin('pick_lists', 'pick_lists.id', 'pick_list_orders.pick_list_id')
            .select('pick_list_orders.order_id')
            .whereRef('pick_list_orders.order_id', '=', 'orders.id')
            .where('pick_lists.status', '=', 'open')
            .where('pick_list_orders.withdrawn', '=', 0),
        ),
      ),
    )
    .orderBy('placed_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

interface MergedLine {
  productId: string;
  locationId: string;
  locationCode: string;
  sku: string;
  quantity: number;
  allocations: Array<{ orderLineId: string; orderId: string; quantity: number }>;
}

/**
 * One walk for one order or a batch of confirmed orders of one warehouse: each held unit
 * is picked from the bin its reservation holds it in, lines merged per product and bin and
 * sorted by bin code. The orders move to `picking`.
 */
export async function createPickList(ctx: ServiceContext, input: { orders: readonly string[] }): Promise<PickList> {
  const orderIds: string[] = [];
  for (const ref of input.orders) {
    const id = await findOrderId(ctx, ref);
    if (!orderIds.includes(id)) orderIds.push(id);
  }
  const orders = await ctx.db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'fulfilment_status', 'warehouse_id'])
    .where('id', 'in', orderIds)
    .execute();
  const byId = new Map(orders.map((o) => [o.id, o]));
  const first = byId.get(orderIds[0]!)!;
  for (const [i, id] of orderIds.entries()) {
    const order = byId.get(id)!;
    if (order.status !== 'confirmed' || !['unfulfilled', 'picking'].includes(order.fulfilment_status)) {
      throw new AppError(
        'INVALID_STATE',
        `Order ${order.number} is ${order.status} (${order.fulfilment_status}): only confirmed orders not yet packed are picked`,
        { id, status: order.status, fulfilmentStatus: order.fulfilment_status },
      );
    }
    if (order.warehouse_id !== first.warehouse_id) {
      throw new AppError('VALIDATION', `Order ${order.number} ships from another warehouse than ${first.number}`, {
        issues: [{ path: `orders.${i}`, message: 'A pick list covers one warehouse' }],
      });
    }
  }
  const busy = await ordersOnOpenLists(ctx, orderIds);
  if (busy.length > 0) {
    const order = byId.get(busy[0]!.orderId)!;
    throw new AppError('CONFLICT', `Order ${order.number} is already on pick list ${busy[0]!.pickList}`, {
      orderId: order.id,
      pickList: busy[0]!.pickList,
    });
  }
  const needs = await unitsToPick(ctx, orderIds);
  const idle = orderIds.find((id) => !needs.some((line) => line.orderId === id));
  if (idle) {
    throw new AppError('INVALID_STATE', `Order ${byId.get(idle)!.number} has nothing held to pick`, { id: idle });
  }
  const held = await ctx.db
    .selectFrom('stock_reservation_allocations')
    .innerJoin('locations', 'locations.id', 'stock_reservation_allocations.location_id')
    .select([
      'stock_reservation_allocations.reservation_id as reservationId',
      'stock_reservation_allocations.location_id as locationId',
      'locations.code as locationCode',
      'stock_reservation_allocations.quantity as quantity',
    ])
    .where(
      'stock_reservation_allocations.reservation_id',
      'in',
      needs.map((line) => line.reservationId),
    )
    .where('stock_reservation_allocations.quantity', '>', 0)
    .execute();
  const skus = new Map(
    (
      await ctx.db
        .selectFrom('products')
        .select(['id', 'sku'])
        .where(
          'id',
          'in',
          needs.map((line) => line.productId),
        )
        .execute()
    ).map((p) => [p.id, p.sku]),
  );

  const merged = new Map<string, MergedLine>();
  const inToteOrder = [...needs].sort((a, b) => orderIds.indexOf(a.orderId) - orderIds.indexOf(b.orderId));
  for (const need of inToteOrder) {
    let left = need.toPick;
    const bins = held
      .filter((h) => h.reservationId === need.reservationId)
      .sort((a, b) => compareBinCodes(a.locationCode, b.locationCode));
    for (const bin of bins) {
      if (left === 0) break;
      const take = Math.min(left, bin.quantity);
      left -= take;
      const key = `${need.productId}|${bin.locationId}`;
      const line = merged.get(key) ?? {
        productId: need.productId,
        locationId: bin.locationId,
        locationCode: bin.locationCode,
        sku: skus.get(need.productId) ?? '',
        quantity: 0,
        allocations: [],
      };
      line.quantity += take;
      line.allocations.push({ orderLineId: need.id, orderId: need.orderId, quantity: take });
      merged.set(key, line);
    }
  }
  const walk = [...merged.values()].sort(
    (a, b) => compareBinCodes(a.locationCode, b.locationCode) || compareBinCodes(a.sku, b.sku),
  );

  const id = newId();
  const now = nowIso();
  const number = await nextDocumentNumber(ctx, 'PL');
  await ctx.db
    .insertInto('pick_lists')
    .values({
      id,
      number,
      warehouse_id: first.warehouse_id!,
      status: 'open',
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('pick_list_orders')
    .values(orderIds.map((orderId, i) => ({ pick_list_id: id, order_id: orderId, tote: i + 1 })))
    .execute();
  for (const [seq, line] of walk.entries()) {
    const lineId = newId();
    await ctx.db
      .insertInto('pick_list_lines')
      .values({
        id: lineId,
        pick_list_id: id,
        seq: seq + 1,
        product_id: line.productId,
        location_id: line.locationId,
        quantity: line.quantity,
        short_reason: null,
      })
      .execute();
    await ctx.db
      .insertInto('pick_list_allocations')
      .values(
        line.allocations.map((a) => ({
          pick_list_line_id: lineId,
          order_line_id: a.orderLineId,
          order_id: a.orderId,
          quantity: a.quantity,
        })),
      )
      .execute();
  }
  for (const orderId of orderIds) {
    if (byId.get(orderId)!.fulfilment_status === 'unfulfilled') {
      await setFulfilment(ctx, orderId, 'unfulfilled', 'picking');
    }
  }
  await recordAudit(ctx, { action: 'pickList.created', entity: 'pick_list', entityId: id, details: { orderIds } });
  return getPickList(ctx, id);
}

async function setFulfilment(
  ctx: ServiceContext,
  orderId: string,
  from: FulfilmentStatus,
  to: FulfilmentStatus,
): Promise<void> {
  await ctx.db
    .updateTable('orders')
    .set({ fulfilment_status: to, updated_at: nowIso() })
    .where('id', '=', orderId)
    .execute();
  await recordOrderEvent(ctx, orderId, 'fulfilment_changed', { from, to });
}

/** The tote a line's next unit goes into: its orders take their units in tote order. */
function toteOfUnit(line: PickList['lines'][number], unit: number): number {
  let passed = 0;
  for (const order of line.orders) {
    passed += order.quantity;
    if (unit <= passed) return order.tote;
  }
  return line.orders.at(-1)?.tote ?? 1;
}

/**
 * A scan while picking: the product (barcode or SKU), optionally the bin it was taken
 * from. The first line in walk order with room counts up; more than a line asks for is
 * refused and changes nothing.
 */
export async function scanPick(
  ctx: ServiceContext,
  input: { id: string; code: string; locationCode?: string; quantity: number },
): Promise<{ pickList: PickList; lineId: string; tote: number }> {
  const row = await openPickListRow(ctx, input.id);
  const product = await lookupProduct(ctx, input.code);
  const binCode = input.locationCode?.trim();
  const ofProduct = await ctx.db
    .selectFrom('pick_list_lines')
    .innerJoin('locations', 'locations.id', 'pick_list_lines.location_id')
    .select([
      'pick_list_lines.id as id',
      'locations.code as locationCode',
      'pick_list_lines.quantity as quantity',
      'pick_list_lines.picked_quantity as picked',
      'pick_list_lines.short_reason as shortReason',
    ])
    .where('pick_list_lines.pick_list_id', '=', row.id)
    .where('pick_list_lines.product_id', '=', product.id)
    .orderBy('pick_list_lines.seq')
    .execute();
  if (ofProduct.length === 0) {
    throw new AppError('CONFLICT', `${product.sku} is not on pick list ${row.number}`, {
      reason: 'not_on_list',
      sku: product.sku,
      code: input.code,
    });
  }
  const candidates = ofProduct.filter((l) => !binCode || compareBinCodes(l.locationCode, binCode) === 0);
  if (candidates.length === 0) {
    throw new AppError('CONFLICT', `${product.sku} is not to be picked from ${binCode} on ${row.number}`, {
      reason: 'wrong_bin',
      sku: product.sku,
      code: input.code,
      locationCode: binCode,
      bins: ofProduct.map((l) => l.locationCode),
    });
  }
  const line = candidates.find((l) => l.shortReason === null && l.picked + input.quantity <= l.quantity);
  if (!line) {
    const asked = candidates.reduce((sum, l) => sum + l.quantity, 0);
    throw new AppError('CONFLICT', `${product.sku}: all ${asked} are picked already`, {
      reason: 'over_pick',
      sku: product.sku,
      asked,
      picked: candidates.reduce((sum, l) => sum + l.picked, 0),
    });
  }
  await ctx.db
    .updateTable('pick_list_lines')
    .set({ picked_quantity: line.picked + input.quantity })
    .where('id', '=', line.id)
    .execute();
  await touch(ctx, row.id);
  const pickList = await getPickList(ctx, row.id);
  const scanned = pickList.lines.find((l) => l.id === line.id)!;
  return { pickList, lineId: line.id, tote: toteOfUnit(scanned, line.picked + 1) };
}

async function openLine(ctx: ServiceContext, pickListId: string, lineId: string) {
  const line = await ctx.db
    .selectFrom('pick_list_lines')
    .selectAll()
    .where('id', '=', lineId)
    .where('pick_list_id', '=', pickListId)
    .executeTakeFirst();
  if (!line) throw new AppError('NOT_FOUND', `No line ${lineId} on this pick list`, { entity: 'pickListLine' });
  return line;
}

async function touch(ctx: ServiceContext, id: string): Promise<void> {
  await ctx.db.updateTable('pick_lists').set({ updated_at: nowIso() }).where('id', '=', id).execute();
}

/** Sets a line's picked count by hand (the checkbox, or a correction after a wrong scan). */
export async function setPicked(
  ctx: ServiceContext,
  input: { id: string; lineId: string; quantity: number },
): Promise<PickList> {
  const row = await openPickListRow(ctx, input.id);
  const line = await openLine(ctx, row.id, input.lineId);
  if (input.quantity > line.quantity) {
    throw new AppError('CONFLICT', `Only ${line.quantity} are to be picked on this line`, {
      reason: 'over_pick',
      asked: line.quantity,
      issues: [{ path: 'quantity', message: `At most ${line.quantity}` }],
    });
  }
  await ctx.db
    .updateTable('pick_list_lines')
    .set({
      picked_quantity: input.quantity,
      short_reason: input.quantity === line.quantity ? null : line.short_reason,
    })
    .where('id', '=', line.id)
    .execute();
  await touch(ctx, row.id);
  return getPickList(ctx, row.id);
}

/** Closes a line with fewer units than asked, and says why. */
export async function recordShortPick(
  ctx: ServiceContext,
  input: { id: string; lineId: string; reason: ShortReason },
): Promise<PickList> {
  const row = await openPickListRow(ctx, input.id);
  const line = await openLine(ctx, row.id, input.lineId);
  if (line.picked_quantity >= line.quantity) {
    throw new AppError('INVALID_STATE', 'This line is picked in full: nothing is short', { lineId: line.id });
  }
  await ctx.db.updateTable('pick_list_lines').set({ short_reason: input.reason }).where('id', '=', line.id).execute();
  await recordAudit(ctx, {
    action: 'pickList.short',
    entity: 'pick_list',
    entityId: row.id,
    details: { lineId: line.id, picked: line.picked_quantity, asked: line.quantity, reason: input.reason },
  });
  await touch(ctx, row.id);
  return getPickList(ctx, row.id);
}

/** The walk is over: every line is picked in full or closed short with a reason. */
export async function completePickList(ctx: ServiceContext, id: string): Promise<PickList> {
  const row = await openPickListRow(ctx, id);
  const list = await getPickList(ctx, row.id);
  const unfinished = list.lines.filter((l) => l.picked < l.quantity && l.shortReason === null);
  if (unfinished.length > 0) {
    throw new AppError(
      'INVALID_STATE',
      `${unfinished.length} line(s) of ${row.number} are not picked: pick them or record them short`,
      { lines: unfinished.map((l) => ({ id: l.id, sku: l.sku, locationCode: l.locationCode })) },
    );
  }
  await finish(ctx, row.id, 'done');
  return getPickList(ctx, row.id);
}

async function finish(ctx: ServiceContext, id: string, status: 'done' | 'cancelled'): Promise<void> {
  const now = nowIso();
  await ctx.db
    .updateTable('pick_lists')
    .set({ status, finished_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
  await recordAudit(ctx, { action: `pickList.${status}`, entity: 'pick_list', entityId: id });
}

/** Calls off a walk: its orders with nothing boxed yet go back to unfulfilled. */
export async function cancelPickList(ctx: ServiceContext, id: string): Promise<PickList> {
  const row = await openPickListRow(ctx, id);
  await finish(ctx, row.id, 'cancelled');
  const orders = await ctx.db
    .selectFrom('pick_list_orders')
    .innerJoin('orders', 'orders.id', 'pick_list_orders.order_id')
    .select(['orders.id as id', 'orders.fulfilment_status as fulfilment'])
    .where('pick_list_orders.pick_list_id', '=', row.id)
    .where('pick_list_orders.withdrawn', '=', 0)
    .execute();
  const picking = orders.filter((o) => o.fulfilment === 'picking').map((o) => o.id);
  const boxed = await unitsInParcels(ctx, picking, OFF_THE_SHELF);
  const boxedOrders = new Set(
    picking.length === 0
      ? []
      : (await ctx.db.selectFrom('order_lines').select(['id', 'order_id']).where('order_id', 'in', picking).execute())
          .filter((l) => (boxed.get(l.id) ?? 0) > 0)
          .map((l) => l.order_id),
  );
  for (const orderId of picking) {
    if (!boxedOrders.has(orderId)) await setFulfilment(ctx, orderId, 'picking', 'unfulfilled');
  }
  return getPickList(ctx, row.id);
}

/**
 * Takes a cancelled order off its open pick lists: its units leave the lines (a line
 * left with nothing goes), and a list left with no order is cancelled.
 */
export async function withdrawFromPickLists(ctx: ServiceContext, orderId: string): Promise<void> {
  const lists = await ctx.db
    .selectFrom('pick_list_orders')
    .innerJoin('pick_lists', 'pick_lists.id', 'pick_list_orders.pick_list_id')
    .select('pick_lists.id as id')
    .where('pick_list_orders.order_id', '=', orderId)
    .where('pick_list_orders.withdrawn', '=', 0)
    .where('pick_lists.status', '=', 'open')
    .execute();
  for (const { id } of lists) {
    await ctx.db
      .updateTable('pick_list_orders')
      .set({ withdrawn: 1 })
      .where('pick_list_id', '=', id)
      .where('order_id', '=', orderId)
      .execute();
    const taken = await ctx.db
      .selectFrom('pick_list_allocations')
      .innerJoin('pick_list_lines', 'pick_list_lines.id', 'pick_list_allocations.pick_list_line_id')
      .select([
        'pick_list_lines.id as lineId',
        'pick_list_lines.quantity as lineQuantity',
        'pick_list_lines.picked_quantity as picked',
        'pick_list_allocations.quantity as quantity',
      ])
      .where('pick_list_lines.pick_list_id', '=', id)
      .where('pick_list_allocations.order_id', '=', orderId)
      .execute();
    const perLine = new Map<string, { lineQuantity: number; picked: number; quantity: number }>();
    for (const share of taken) {
      const line = perLine.get(share.lineId) ?? { ...share, quantity: 0 };
      line.quantity += share.quantity;
      perLine.set(share.lineId, line);
    }
    await ctx.db
      .deleteFrom('pick_list_allocations')
      .where('order_id', '=', orderId)
      .where('pick_list_line_id', 'in', (eb) =>
        eb.selectFrom('pick_list_lines').select('pick_list_lines.id').where('pick_list_lines.pick_list_id', '=', id),
      )
      .execute();
    for (const [lineId, share] of perLine) {
      const left = share.lineQuantity - share.quantity;
      if (left === 0) {
        await ctx.db.deleteFrom('pick_list_lines').where('id', '=', lineId).execute();
      } else {
        // Units already picked for the cancelled order go back to the bin: the line keeps what the others need.
        await ctx.db
          .updateTable('pick_list_lines')
          .set({ quantity: left, picked_quantity: Math.min(share.picked, left) })
          .where('id', '=', lineId)
          .execute();
      }
    }
    const remaining = await ctx.db
      .selectFrom('pick_list_orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pick_list_id', '=', id)
      .where('withdrawn', '=', 0)
      .executeTakeFirstOrThrow();
    if (Number(remaining.n) === 0) await finish(ctx, id, 'cancelled');
    else await touch(ctx, id);
  }
}
