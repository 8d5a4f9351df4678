import { createService, listCarriers, updateCarrier, updateService } from '../services/shipping/carriers';
import { chooseServiceForOrder, quoteForOrder, quoteParcel } from '../services/shipping/rate-quotes';
import { createRule, deleteRule, listRules, updateRule } from '../services/shipping/rate-rules';
import type { HandlersOf } from './handler-types';

/** Carriers and their services. */
export const carrierHandlers: HandlersOf<'carriers'> = {
  'carriers.list': (ctx) => listCarriers(ctx),
  'carriers.update': (ctx, input) => updateCarrier(ctx, input),
  'carriers.createService': (ctx, input) => createService(ctx, input),
  'carriers.updateService': (ctx, input) => updateService(ctx, input),
};

/** Rate rules and shipping quotes. */
export const rateHandlers: HandlersOf<'rates'> = {
  'rates.listRules': (ctx, input) => listRules(ctx, input.serviceId),
  'rates.createRule': (ctx, input) => createRule(ctx, input),
  'rates.updateRule': (ctx, input) => updateRule(ctx, input),
  'rates.deleteRule': (ctx, input) => deleteRule(ctx, input.id),
  'rates.quoteOrder': (ctx, input) => quoteForOrder(ctx, input),
  'rates.quote': (ctx, input) => quoteParcel(ctx, input),
  'rates.chooseForOrder': (ctx, input) => chooseServiceForOrder(ctx, input),
};
