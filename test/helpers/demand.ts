import type { Kysely } from 'kysely';
import type { Database } from '../../src/main/database/schema';
import { newId } from '../../src/main/services/ids';
import { WALK_IN_CUSTOMER_ID } from '../../src/shared/domain/customers';
import type { OrderStatus } from '../../src/shared/domain/orders';

/**
 * Hand-made history for the forecasting tests: orders, returns and stock movements on
 * chosen dates, written straight into the tables the way imported history is (the
 * services stamp everything with the present moment).
 */

/** Noon of a day in this machine's calendar, as stored (UTC ISO). */
export function noonOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, 12).toISOString();
}

let orderCounter = 0;

export async function pastOrder(
  db: Kysely<Database>,
  order: {
    date: string;
    warehouseId: string | null;
    status?: OrderStatus;
    lines: Array<{ productId: string; quantity: number }>;
  },
): Promise<{ orderId: string; lineIds: string[] }> {
  orderCounter += 1;
  const orderId = newId();
  const at = noonOf(order.date);
  await db
    .insertInto('orders')
    .values({
      id: orderId,
      number: `HIST-${orderCounter}`,
      channel: 'web',
      source: 'csv',
      terminal: '',
      status: order.status ?? 'completed',
      payment_status: 'paid',
      fulfilment_status: 'shipped',
      customer_id: WALK_IN_CUSTOMER_ID,
      customer_name: 'Walk-in',
      customer_phone_tail: '',
      warehouse_id: order.warehouseId,
      currency: 'CNY',
      prices_include_tax: 1,
      rounding: 'half-up',
      order_discount: null,
      subtotal: 0,
      discount_total: 0,
      shipping_total: 0,
      shipping_tax: 0,
      tax_total: 0,
      grand_total: 0,
      taxes: '[]',
      ships: 1,
      shipping_method: '',
      shipping_amount: 0,
      shipping_tax_class: 'standard',
      shipping_address: null,
      billing_address: null,
      notes: '',
      promised_date: null,
      placed_at: at,
      confirmed_at: at,
      completed_at: at,
      cancelled_at: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const lineIds = order.lines.map(() => newId());
  await db
    .insertInto('order_lines')
    .values(
      order.lines.map((line, i) => ({
        id: lineIds[i],
        order_id: orderId,
        line_no: i + 1,
        product_id: line.productId,
        sku: 'SKU',
        name: 'Product',
        unit_price: 100,
        quantity: line.quantity,
        discount: null,
        gross: 100 * line.quantity,
        line_discount: 0,
        order_discount: 0,
        total: 100 * line.quantity,
        tax: 0,
        tax_class: 'standard',
        rate_basis_points: 0,
        reservation_id: null,
      })),
    )
    .execute();
  return { orderId, lineIds };
}

export async function pastReturn(
  db: Kysely<Database>,
  ret: {
    status: 'requested' | 'received' | 'refunded' | 'cancelled';
    orderId: string;
    orderLineId: string;
    productId: string;
    quantity: number;
  },
): Promise<void> {
  orderCounter += 1;
  const id = newId();
  const at = new Date().toISOString();
  await db
    .insertInto('returns')
    .values({
      id,
      number: `RMA-HIST-${orderCounter}`,
      customer_id: WALK_IN_CUSTOMER_ID,
      status: ret.status,
      replacement_order_id: null,
      currency: 'CNY',
      refund_to: null,
      note: '',
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('return_lines')
    .values({
      id: newId(),
      return_id: id,
      line_no: 1,
      order_id: ret.orderId,
      order_line_id: ret.orderLineId,
      product_id: ret.productId,
      sku: 'SKU',
      name: 'Product',
      quantity: ret.quantity,
      reason: 'unwanted',
      location_id: null,
      refund_amount: 0,
      refund_tax: 0,
    })
    .execute();
}

/** A movement of stock on a past day, as the ledger would have written it then. */
export async function pastMovement(
  db: Kysely<Database>,
  movement: { date: string; productId: string; locationId: string; delta: number },
): Promise<void> {
  await db
    .insertInto('stock_movements')
    .values({
      id: newId(),
      at: noonOf(movement.date),
      product_id: movement.productId,
      location_id: movement.locationId,
      kind: movement.delta > 0 ? 'receipt' : 'issue',
      on_hand_delta: movement.delta,
      reserved_delta: 0,
      unit_cost: null,
      reason: null,
      reference_type: null,
      reference_id: null,
      user_id: null,
      note: null,
    })
    .execute();
}
