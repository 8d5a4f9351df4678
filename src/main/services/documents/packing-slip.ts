import type { Order, OrderAddress } from '../../../shared/domain/orders';
import type { Settings } from '../../../shared/domain/settings';
import type { ServiceContext } from '../context';
import { getOrder } from '../orders/orders';
import { brandingOf, type Branding } from './branding';

export interface PackingSlipLine {
  sku: string;
  name: string;
  /** "Size: M", "Colour: Red": the variant's options in its family's order. */
  options: string[];
  quantity: number;
  /** Where the line's stock is held, in picking order. */
  bins: string[];
  unitPrice: number;
  total: number;
}

export interface PackingSlipData {
  branding: Branding;
  number: string;
  placedAt: string;
  promisedDate: string | null;
  customerName: string;
  currency: string;
  shippingMethod: string;
  shipTo: OrderAddress | null;
  notes: string;
  returnInstructions: string;
  lines: PackingSlipLine[];
  /** Null unless the shop prints prices on packing slips. */
  prices: { subtotal: number; discounts: number; shipping: number; grandTotal: number } | null;
}

/**
 * Bins per order line: where its reservation is allocated, else the default bin of the
 * order's warehouse (a line whose stock was already consumed, or never reserved).
 */
async function binsOf(ctx: ServiceContext, orderId: string): Promise<Map<string, string[]>> {
  const rows = await ctx.db
    .selectFrom('order_lines')
    .innerJoin(
      'stock_reservation_allocations',
      'stock_reservation_allocations.reservation_id',
      'order_lines.reservation_id',
    )
    .innerJoin('locations', 'locations.id', 'stock_reservation_allocations.location_id')
    .select(['order_lines.id as lineId', 'locations.code as code'])
    .where('order_lines.order_id', '=', orderId)
    .where('stock_reservation_allocations.quantity', '>', 0)
    .orderBy('locations.code')
    .execute();
  const bins = new Map<string, string[]>();
  for (const row of rows) bins.set(row.lineId, [...(bins.get(row.lineId) ?? []), row.code]);
  return bins;
}

async function defaultBinOf(ctx: ServiceContext, warehouseId: string | null): Promise<string | null> {
  if (!warehouseId) return null;
  const row = await ctx.db
    .selectFrom('locations')
    .select('code')
    .where('warehouse_id', '=', warehouseId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
  return row?.code ?? null;
}

/** Each product's options as "Name: value", in the order its family names them. */
async function optionsOf(ctx: ServiceContext, order: Order): Promise<Map<string, string[]>> {
  const productIds = [...new Set(order.lines.flatMap((line) => (line.productId ? [line.productId] : [])))];
  if (productIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('products')
    .leftJoin('product_families', 'product_families.id', 'products.family_id')
    .select(['products.id as id', 'products.option_values as values', 'product_families.option_names as names'])
    .where('products.id', 'in', productIds)
    .where('products.option_values', 'is not', null)
    .execute();
  const options = new Map<string, string[]>();
  for (const row of rows) {
    const values = JSON.parse(row.values ?? '{}') as Record<string, string>;
    const names = row.names ? (JSON.parse(row.names) as string[]) : Object.keys(values);
    options.set(
      row.id,
      names.filter((name) => values[name]).map((name) => `${name}: ${values[name]}`),
    );
  }
  return options;
}

export async function packingSlipData(
  ctx: ServiceContext,
  orderId: string,
  settings: Settings,
): Promise<PackingSlipData> {
  const order = await getOrder(ctx, orderId);
  const [bins, defaultBin, options] = [
    await binsOf(ctx, order.id),
    await defaultBinOf(ctx, order.warehouseId),
    await optionsOf(ctx, order),
  ];
  return {
    branding: brandingOf(settings),
    number: order.number,
    placedAt: order.placedAt,
    promisedDate: order.promisedDate,
    customerName: order.customerName,
    currency: order.currency,
    shippingMethod: order.shippingMethod,
    shipTo: order.shippingAddress,
    notes: order.notes,
    returnInstructions: settings.returnInstructions,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      options: (line.productId && options.get(line.productId)) || [],
      quantity: line.quantity,
      bins: bins.get(line.id) ?? (defaultBin ? [defaultBin] : []),
      unitPrice: line.unitPrice,
      total: line.total,
    })),
    prices: settings.packingSlipPrices
      ? {
          subtotal: order.subtotal,
          discounts: order.discountTotal,
          shipping: order.shippingTotal,
          grandTotal: order.grandTotal,
        }
      : null,
  };
}
