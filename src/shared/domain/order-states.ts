import type { FulfilmentStatus, OrderStatus } from './orders';

export const ORDER_ACTIONS = ['confirm', 'hold', 'release', 'complete', 'cancel', 'edit'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** What each action may start from and where it leads; anything else is INVALID_STATE. */
export const ORDER_TRANSITIONS: Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus | null }> = {
  confirm: { from: ['draft'], to: 'confirmed' },
  hold: { from: ['confirmed'], to: 'on_hold' },
  release: { from: ['on_hold'], to: 'confirmed' },
  complete: { from: ['confirmed'], to: 'completed' },
  cancel: { from: ['draft', 'confirmed', 'on_hold'], to: 'cancelled' },
  edit: { from: ['draft', 'confirmed', 'on_hold'], to: null },
};

/** Once picking has begun the goods are moving: edits and cancels go through the warehouse or a return. */
export const UNTOUCHED_FULFILMENT: readonly FulfilmentStatus[] = ['unfulfilled'];
export const CANCELLABLE_FULFILMENT: readonly FulfilmentStatus[] = ['unfulfilled', 'picking', 'packed'];
/**
 * Completing hands over whatever is still held (a counter sale, a pickup) or closes an
 * order whose parcels are all out. Never while the warehouse has it on a pick list or
 * in boxes, or part of it is still to ship: those goods would leave stock twice.
 */
export const COMPLETABLE_FULFILMENT: readonly FulfilmentStatus[] = ['unfulfilled', 'shipped', 'delivered'];

export function canPerform(action: OrderAction, status: OrderStatus, fulfilment: FulfilmentStatus): boolean {
  if (!ORDER_TRANSITIONS[action].from.includes(status)) return false;
  if (action === 'edit') return UNTOUCHED_FULFILMENT.includes(fulfilment);
  if (action === 'cancel') return CANCELLABLE_FULFILMENT.includes(fulfilment);
  if (action === 'complete') return COMPLETABLE_FULFILMENT.includes(fulfilment);
  return true;
}
