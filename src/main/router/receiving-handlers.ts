import {
  cancelCount,
  getCount,
  listCounts,
  postCount,
  recordCount,
  reviewCount,
  startCount,
} from '../services/inventory/counts';
import {
  cancelTransfer,
  createTransfer,
  getTransfer,
  listTransfers,
  receiveTransfer,
  shipTransfer,
} from '../services/inventory/transfers';
import {
  cancelPurchaseOrder,
  closePurchaseOrder,
  createPurchaseOrder,
  getPurchaseOrder,
  listPurchaseOrders,
  orderPurchaseOrder,
  receivePurchaseOrder,
  updateDraft,
} from '../services/purchasing/purchase-orders';
import type { HandlersOf } from './handler-types';

/** Purchase orders and receiving. */
export const purchaseOrderHandlers: HandlersOf<'purchaseOrders'> = {
  'purchaseOrders.list': (ctx, input) => listPurchaseOrders(ctx, input),
  'purchaseOrders.get': (ctx, input) => getPurchaseOrder(ctx, input.id),
  'purchaseOrders.create': (ctx, input) => createPurchaseOrder(ctx, input),
  'purchaseOrders.updateDraft': (ctx, input) => updateDraft(ctx, input),
  'purchaseOrders.order': (ctx, input) => orderPurchaseOrder(ctx, input.id),
  'purchaseOrders.receive': (ctx, input) => receivePurchaseOrder(ctx, input),
  'purchaseOrders.close': (ctx, input) => closePurchaseOrder(ctx, input.id),
  'purchaseOrders.cancel': (ctx, input) => cancelPurchaseOrder(ctx, input.id),
};

/** Stock counts. */
export const countHandlers: HandlersOf<'counts'> = {
  'counts.list': (ctx, input) => listCounts(ctx, input.status),
  'counts.start': (ctx, input) => startCount(ctx, input),
  'counts.get': (ctx, input) => getCount(ctx, input.id),
  'counts.record': (ctx, input) => recordCount(ctx, input),
  'counts.review': (ctx, input) => reviewCount(ctx, input.id),
  'counts.post': (ctx, input) => postCount(ctx, input.id),
  'counts.cancel': (ctx, input) => cancelCount(ctx, input.id),
};

/** Transfers between warehouses. */
export const transferHandlers: HandlersOf<'transfers'> = {
  'transfers.list': (ctx, input) => listTransfers(ctx, input.status),
  'transfers.get': (ctx, input) => getTransfer(ctx, input.id),
  'transfers.create': (ctx, input) => createTransfer(ctx, input),
  'transfers.ship': (ctx, input) => shipTransfer(ctx, input.id),
  'transfers.receive': (ctx, input) => receiveTransfer(ctx, input),
  'transfers.cancel': (ctx, input) => cancelTransfer(ctx, input.id),
};
