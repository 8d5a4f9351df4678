import { WALK_IN_CUSTOMER_ID } from '../../../shared/domain/customers';
import type { PaymentMethod } from '../../../shared/domain/orders';
import type { Settings } from '../../../shared/domain/settings';
import type { ServiceContext } from '../context';
import { getOrder } from '../orders/orders';
import { brandingOf, type Branding } from './branding';

export interface ReceiptData {
  branding: Branding;
  number: string;
  at: string;
  terminal: string;
  clerk: string;
  /** Null for the walk-in customer. */
  customerName: string | null;
  currency: string;
  pricesIncludeTax: boolean;
  lines: Array<{ sku: string; name: string; unitPrice: number; quantity: number; gross: number; lineDiscount: number }>;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxes: Array<{ taxClass: string; rateBasisPoints: number; tax: number }>;
  grandTotal: number;
  payments: Array<{
    method: PaymentMethod;
    reference: string;
    amount: number;
    tendered: number | null;
    changeGiven: number;
  }>;
}

/** The counter's receipt: every figure as the server saved the order, the clerk who took it. */
export async function receiptData(ctx: ServiceContext, orderId: string, settings: Settings): Promise<ReceiptData> {
  const order = await getOrder(ctx, orderId);
  const clerk = order.createdBy
    ? await ctx.db.selectFrom('users').select('display_name').where('id', '=', order.createdBy).executeTakeFirst()
    : undefined;
  return {
    branding: brandingOf(settings),
    number: order.number,
    at: order.completedAt ?? order.placedAt,
    terminal: order.terminal,
    clerk: clerk?.display_name ?? '',
    customerName: order.customerId === WALK_IN_CUSTOMER_ID ? null : order.customerName,
    currency: order.currency,
    pricesIncludeTax: order.pricesIncludeTax,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      gross: line.gross,
      lineDiscount: line.lineDiscount,
    })),
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    shippingTotal: order.shippingTotal,
    taxes: order.taxes.map((tax) => ({ taxClass: tax.taxClass, rateBasisPoints: tax.rateBasisPoints, tax: tax.tax })),
    grandTotal: order.grandTotal,
    payments: order.payments
      .filter((payment) => payment.kind === 'payment')
      .map((payment) => ({
        method: payment.method,
        reference: payment.reference,
        amount: payment.amount,
        tendered: payment.tendered,
        changeGiven: payment.changeGiven,
      })),
  };
}
