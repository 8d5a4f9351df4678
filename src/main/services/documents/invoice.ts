import type { OrderAddress, PaymentMethod, PaymentStatus } from '../../../shared/domain/orders';
import type { Settings } from '../../../shared/domain/settings';
import type { ServiceContext } from '../context';
import { getOrder } from '../orders/orders';
import { brandingOf, type Branding } from './branding';

export interface InvoiceData {
  branding: Branding;
  number: string;
  placedAt: string;
  customerName: string;
  billTo: OrderAddress | null;
  shipTo: OrderAddress | null;
  currency: string;
  pricesIncludeTax: boolean;
  lines: Array<{
    sku: string;
    name: string;
    quantity: number;
    unitPrice: number;
    discount: number;
    total: number;
    rateBasisPoints: number;
  }>;
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  /** One row per tax rate: classes with the same rate are one line on the invoice. */
  taxes: Array<{ rateBasisPoints: number; taxable: number; tax: number }>;
  taxTotal: number;
  grandTotal: number;
  paymentStatus: PaymentStatus;
  paidTotal: number;
  refundedTotal: number;
  balanceDue: number;
  payments: Array<{ method: PaymentMethod; kind: 'payment' | 'refund'; amount: number; at: string; reference: string }>;
}

export async function invoiceData(ctx: ServiceContext, orderId: string, settings: Settings): Promise<InvoiceData> {
  const order = await getOrder(ctx, orderId);
  const byRate = new Map<number, { rateBasisPoints: number; taxable: number; tax: number }>();
  for (const tax of order.taxes) {
    const row = byRate.get(tax.rateBasisPoints) ?? { rateBasisPoints: tax.rateBasisPoints, taxable: 0, tax: 0 };
    row.taxable += tax.taxable;
    row.tax += tax.tax;
    byRate.set(tax.rateBasisPoints, row);
  }
  return {
    branding: brandingOf(settings),
    number: order.number,
    placedAt: order.placedAt,
    customerName: order.customerName,
    billTo: order.billingAddress ?? order.shippingAddress,
    shipTo: order.ships ? order.shippingAddress : null,
    currency: order.currency,
    pricesIncludeTax: order.pricesIncludeTax,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      discount: line.lineDiscount + line.orderDiscount,
      total: line.total,
      rateBasisPoints: line.rateBasisPoints,
    })),
    subtotal: order.subtotal,
    discountTotal: order.discountTotal,
    shippingTotal: order.shippingTotal,
    taxes: [...byRate.values()].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints),
    taxTotal: order.taxTotal,
    grandTotal: order.grandTotal,
    paymentStatus: order.paymentStatus,
    paidTotal: order.paidTotal,
    refundedTotal: order.refundedTotal,
    balanceDue: order.balanceDue,
    payments: order.payments.map((payment) => ({
      method: payment.method,
      kind: payment.kind,
      amount: payment.amount,
      at: payment.createdAt,
      reference: payment.reference,
    })),
  };
}
