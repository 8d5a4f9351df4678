import type { Product } from '../../../../../shared/domain/catalog';
import type { Customer } from '../../../../../shared/domain/customers';
import type { Discount, Order, OrderAddress } from '../../../../../shared/domain/orders';
import { moneyInputValue, parseMoney } from '../../../../../shared/money';

export type DiscountKind = 'none' | 'percent' | 'amount';

export interface DraftLine {
  /** A line of the saved order keeps its id, so its reservation changes by the difference. */
  id?: string;
  key: string;
  productId: string;
  sku: string;
  name: string;
  unitPrice: number;
  quantity: string;
  discountKind: DiscountKind;
  discount: string;
}

export const BACK_OFFICE_CHANNELS = ['phone', 'email', 'web'] as const;
export type BackOfficeChannel = (typeof BACK_OFFICE_CHANNELS)[number];

/** 'typed', or the id of one of the customer's addresses. */
export type AddressChoice = string;
export const TYPED = 'typed';
export const NONE = 'none';

export interface OrderDraft {
  channel: BackOfficeChannel;
  customer: Customer | null;
  ships: boolean;
  shippingMethod: string;
  shippingCharge: string;
  shippingTaxClass: string;
  shipTo: AddressChoice;
  shipAddress: OrderAddress;
  billTo: AddressChoice;
  billAddress: OrderAddress;
  lines: DraftLine[];
  orderDiscountKind: DiscountKind;
  orderDiscount: string;
  notes: string;
  promisedDate: string;
}

export function emptyAddress(kind: OrderAddress['kind']): OrderAddress {
  return { kind, recipient: '', phone: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: 'CN' };
}

export const EMPTY_DRAFT: OrderDraft = {
  channel: 'phone',
  customer: null,
  ships: true,
  shippingMethod: '',
  shippingCharge: '',
  shippingTaxClass: 'standard',
  shipTo: TYPED,
  shipAddress: emptyAddress('shipping'),
  billTo: NONE,
  billAddress: emptyAddress('billing'),
  lines: [],
  orderDiscountKind: 'none',
  orderDiscount: '',
  notes: '',
  promisedDate: '',
};

let keys = 0;
export const nextKey = () => `line-${(keys += 1)}`;

export function lineOf(product: Product): DraftLine {
  return {
    key: nextKey(),
    productId: product.id,
    sku: product.sku,
    name: product.name,
    unitPrice: product.unitPrice,
    quantity: '1',
    discountKind: 'none',
    discount: '',
  };
}

function discountText(discount: Discount | null, currency: string): [DiscountKind, string] {
  if (!discount) return ['none', ''];
  return discount.kind === 'percent'
    ? ['percent', String(discount.basisPoints / 100)]
    : ['amount', moneyInputValue(discount.amount, currency)];
}

/** The form's fields for an order being edited; the customer is loaded beside it. */
export function draftOf(order: Order, customer: Customer): OrderDraft {
  const [orderDiscountKind, orderDiscount] = discountText(order.orderDiscount, order.currency);
  return {
    channel: (BACK_OFFICE_CHANNELS as readonly string[]).includes(order.channel)
      ? (order.channel as BackOfficeChannel)
      : 'phone',
    customer,
    ships: order.ships,
    shippingMethod: order.shippingMethod,
    shippingCharge: order.ships ? moneyInputValue(order.shippingAmount, order.currency) : '',
    shippingTaxClass: order.shippingTaxClass,
    shipTo: TYPED,
    shipAddress: order.shippingAddress ?? emptyAddress('shipping'),
    billTo: order.billingAddress ? TYPED : NONE,
    billAddress: order.billingAddress ?? emptyAddress('billing'),
    lines: order.lines.map((line) => {
      const [discountKind, discount] = discountText(line.discount, order.currency);
      return {
        id: line.id,
        key: line.id,
        productId: line.productId ?? '',
        sku: line.sku,
        name: line.name,
        unitPrice: line.unitPrice,
        quantity: String(line.quantity),
        discountKind,
        discount,
      };
    }),
    orderDiscountKind,
    orderDiscount,
    notes: order.notes,
    promisedDate: order.promisedDate ?? '',
  };
}

/**
 * A discount as typed: a percent to basis points, an amount to minor units. Text that is
 * not a number is passed on as NaN, so the contract's check names the field.
 */
export function discountOf(kind: DiscountKind, text: string, currency: string): Discount | null {
  if (kind === 'none' || text.trim() === '') return null;
  if (kind === 'percent') {
    const basisPoints = /^\s*\d{1,3}([.,]\d{1,2})?\s*$/.test(text)
      ? Math.round(Number(text.replace(',', '.')) * 100)
      : NaN;
    return { kind: 'percent', basisPoints };
  }
  return { kind: 'amount', amount: parseMoney(text, currency) ?? NaN };
}

export function moneyOf(text: string, currency: string): number {
  return text.trim() === '' ? 0 : (parseMoney(text, currency) ?? NaN);
}

export function quantityOf(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
}

/** The lines as orders.create/update and orders.quote take them. */
export function linesInput(draft: OrderDraft, currency: string) {
  return draft.lines.map((line) => ({
    ...(line.id ? { id: line.id } : {}),
    productId: line.productId,
    quantity: quantityOf(line.quantity),
    discount: discountOf(line.discountKind, line.discount, currency),
  }));
}

function addressInput(choice: AddressChoice, typed: OrderAddress) {
  return choice === TYPED ? { address: typed } : { addressId: choice };
}

/** The fields of orders.create (and, without channel, orders.update) from the form. */
export function orderInput(draft: OrderDraft, currency: string) {
  const billing =
    draft.billTo === NONE
      ? null
      : draft.billTo === TYPED
        ? draft.billAddress
        : (() => {
            const picked = draft.customer?.addresses.find((a) => a.id === draft.billTo);
            if (!picked) return null;
            const { id: _id, isDefault: _default, ...address } = picked;
            return address;
          })();
  return {
    customerId: draft.customer?.id ?? '',
    lines: linesInput(draft, currency),
    orderDiscount: discountOf(draft.orderDiscountKind, draft.orderDiscount, currency),
    shipping: draft.ships
      ? {
          method: draft.shippingMethod,
          amount: moneyOf(draft.shippingCharge, currency),
          taxClass: draft.shippingTaxClass,
          ...addressInput(draft.shipTo, draft.shipAddress),
        }
      : null,
    billingAddress: billing,
    notes: draft.notes,
    promisedDate: draft.promisedDate || null,
  };
}
