import { AppError } from '../../../shared/errors';
import type { DeliveryStop, OrderCandidate } from '../../../shared/domain/delivery-routes';
import { orderAddressSchema } from '../../../shared/domain/orders';
import type { ServiceContext } from '../context';
import { insertStops, type Day } from './stops';

const CANDIDATE_LIMIT = 500;

/** An order's shipping address on one line, as a driver reads it. */
function addressLine(json: string | null): { recipient: string; text: string } | null {
  if (!json) return null;
  const parsed = orderAddressSchema.safeParse(JSON.parse(json));
  if (!parsed.success) return null;
  const a = parsed.data;
  const text = [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.phone]
    .filter(Boolean)
    .join(', ');
  return { recipient: a.recipient, text };
}

/**
 * What marks an order for our own van: a chosen service of a local carrier, or, for an
 * order with no service chosen, those names and codes in its free-text shipping method.
 */
async function localDelivery(ctx: ServiceContext): Promise<{ serviceIds: Set<string>; names: Set<string> }> {
  const rows = await ctx.db
    .selectFrom('carriers')
    .leftJoin('carrier_services', 'carrier_services.carrier_id', 'carriers.id')
    .select([
      'carriers.code',
      'carriers.name',
      'carrier_services.id as service_id',
      'carrier_services.code as service_code',
      'carrier_services.name as service_name',
    ])
    .where('carriers.kind', '=', 'local')
    .execute();
  const names = new Set<string>();
  const serviceIds = new Set<string>();
  for (const row of rows) {
    if (row.service_id) serviceIds.add(row.service_id);
    for (const name of [row.code, row.name, row.service_code, row.service_name])
      if (name) names.add(name.toLowerCase());
  }
  return { serviceIds, names };
}

/** What the order's undelivered lines weigh and take up, from the products' weight and size. */
async function orderLoads(ctx: ServiceContext, orderIds: string[]) {
  const lines = await ctx.db
    .selectFrom('order_lines')
    .leftJoin('products', 'products.id', 'order_lines.product_id')
    .select([
      'order_lines.order_id',
      'order_lines.quantity',
      'order_lines.fulfilled_quantity',
      'products.weight_grams',
      'products.length_mm',
      'products.width_mm',
      'products.height_mm',
    ])
    .where('order_lines.order_id', 'in', orderIds)
    .execute();
  const loads = new Map<string, { weightGrams: number; volumeCm3: number }>();
  for (const line of lines) {
    const quantity = Math.max(0, line.quantity - line.fulfilled_quantity);
    const load = loads.get(line.order_id) ?? { weightGrams: 0, volumeCm3: 0 };
    load.weightGrams += (line.weight_grams ?? 0) * quantity;
    load.volumeCm3 +=
      Math.round(((line.length_mm ?? 0) * (line.width_mm ?? 0) * (line.height_mm ?? 0)) / 1000) * quantity;
    loads.set(line.order_id, load);
  }
  return loads;
}

function openOrders(ctx: ServiceContext, warehouseId: string) {
  return ctx.db
    .selectFrom('orders')
    .select([
      'id',
      'number',
      'customer_name',
      'shipping_address',
      'shipping_method',
      'carrier_service_id',
      'promised_date',
      'placed_at',
    ])
    .where('status', '=', 'confirmed')
    .where('ships', '=', 1)
    .where('fulfilment_status', 'in', ['unfulfilled', 'picking', 'packed', 'partially_shipped'])
    .where((eb) => eb.or([eb('warehouse_id', '=', warehouseId), eb('warehouse_id', 'is', null)]));
}

export async function orderCandidates(ctx: ServiceContext, day: Day): Promise<OrderCandidate[]> {
  const [orders, local, planned] = await Promise.all([
    openOrders(ctx, day.warehouseId).orderBy('promised_date').orderBy('placed_at').limit(CANDIDATE_LIMIT).execute(),
    localDelivery(ctx),
    ctx.db
      .selectFrom('delivery_stops')
      .select('order_id')
      .where('warehouse_id', '=', day.warehouseId)
      .where('delivery_date', '=', day.date)
      .where('order_id', 'is not', null)
      .execute(),
  ]);
  const loads = orders.length
    ? await orderLoads(
        ctx,
        orders.map((o) => o.id),
      )
    : new Map();
  const plannedIds = new Set(planned.map((row) => row.order_id));
  const candidates = orders.map((order) => {
    const address = addressLine(order.shipping_address);
    return {
      orderId: order.id,
      number: order.number,
      customerName: address?.recipient ?? order.customer_name,
      address: address?.text ?? '',
      promisedDate: order.promised_date,
      shippingMethod: order.shipping_method,
      local: order.carrier_service_id
        ? local.serviceIds.has(order.carrier_service_id)
        : local.names.has(order.shipping_method.trim().toLowerCase()),
      weightGrams: loads.get(order.id)?.weightGrams ?? 0,
      volumeCm3: loads.get(order.id)?.volumeCm3 ?? 0,
      planned: plannedIds.has(order.id),
    };
  });
  return candidates.sort((a, b) => Number(b.local) - Number(a.local));
}

/** Adds the orders as the day's stops; an order already on the day is refused (CONFLICT), so none is added twice. */
export async function addOrderStops(ctx: ServiceContext, day: Day, orderIds: string[]): Promise<DeliveryStop[]> {
  const unique = [...new Set(orderIds)];
  const orders = await openOrders(ctx, day.warehouseId).where('id', 'in', unique).execute();
  const found = new Set(orders.map((o) => o.id));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length)
    throw new AppError('INVALID_STATE', 'Only confirmed orders still to deliver from this warehouse can be stops', {
      orderIds: missing,
    });
  const already = await ctx.db
    .selectFrom('delivery_stops')
    .select('order_id')
    .where('warehouse_id', '=', day.warehouseId)
    .where('delivery_date', '=', day.date)
    .where('order_id', 'in', unique)
    .execute();
  if (already.length)
    throw new AppError('CONFLICT', 'Some orders are already stops on this day', {
      orderIds: already.map((row) => row.order_id),
    });
  const loads = await orderLoads(ctx, unique);
  const byId = new Map(orders.map((order) => [order.id, order]));
  const stops = [];
  for (const id of unique) {
    const order = byId.get(id);
    if (!order) continue;
    const address = addressLine(order.shipping_address);
    const text = address?.text ?? '';
    // No geocoder: the last place entered for this address, if it was delivered to before.
    const known = text
      ? await ctx.db
          .selectFrom('delivery_stops')
          .select(['latitude', 'longitude'])
          .where('address', '=', text)
          .where('latitude', 'is not', null)
          .orderBy('updated_at', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
    stops.push({
      orderId: id,
      fields: {
        name: address?.recipient ?? order.customer_name,
        address: text,
        latitude: known?.latitude ?? null,
        longitude: known?.longitude ?? null,
        weightGrams: loads.get(id)?.weightGrams ?? 0,
        volumeCm3: loads.get(id)?.volumeCm3 ?? 0,
        windowStart: null,
        windowEnd: null,
        serviceMinutes: 5,
        notes: '',
      },
    });
  }
  return insertStops(ctx, day, stops, 'orders');
}
