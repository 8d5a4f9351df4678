import {
  cancelPickList,
  completePickList,
  createPickList,
  getPickList,
  listPickLists,
  pickableOrders,
  recordShortPick,
  scanPick,
  setPicked,
} from '../services/picking/pick-lists';
import { closePackage, packingOrder, removeFromPackage, scanIntoPackage } from '../services/packing/packing';
import type { HandlersOf } from './handler-types';

/** Pick lists: one walk through the warehouse for one order or a batch. */
export const pickListHandlers: HandlersOf<'pickLists'> = {
  'pickLists.list': (ctx, input) => listPickLists(ctx, input),
  'pickLists.get': (ctx, input) => getPickList(ctx, input.id),
  'pickLists.pickable': (ctx, input) => pickableOrders(ctx, input),
  'pickLists.create': (ctx, input) => createPickList(ctx, input),
  'pickLists.scan': (ctx, input) => scanPick(ctx, input),
  'pickLists.setPicked': (ctx, input) => setPicked(ctx, input),
  'pickLists.short': (ctx, input) => recordShortPick(ctx, input),
  'pickLists.complete': (ctx, input) => completePickList(ctx, input.id),
  'pickLists.cancel': (ctx, input) => cancelPickList(ctx, input.id),
};

/** The pack station: scanning an order's goods into packages and closing them. */
export const packingHandlers: HandlersOf<'packing'> = {
  'packing.order': (ctx, input) => packingOrder(ctx, input.order),
  'packing.scan': (ctx, input) => scanIntoPackage(ctx, input),
  'packing.remove': (ctx, input) => removeFromPackage(ctx, input),
  'packing.close': (ctx, input) => closePackage(ctx, input),
};
