import type { Order } from '../../../shared/domain/orders';
import type { RateQuoteOutput } from '../../../shared/contract/rates';
import { AppError } from '../../../shared/errors';
import { chooseBest, type RateGoal } from '../../../shared/shipping/best-choice';
import type { Parcel } from '../../../shared/shipping/billable-weight';
import type { ShipMoment } from '../../../shared/shipping/delivery-dates';
import { estimateParcel } from '../../../shared/shipping/parcel-estimate';
import { rateParcel, type RatedService } from '../../../shared/shipping/rate-engine';
import type { Destination } from '../../../shared/shipping/zones';
import type { ServiceContext } from '../context';
import { assertCan, findOrderId, getOrder, orderRow, updateOrder } from '../orders/orders';
import { getSettings } from '../settings';
import { termsOf } from './carriers';
import { rulesOf } from './rate-rules';

export interface GoalInput {
  goal: RateGoal['kind'];
  budget?: number;
  readyAt?: string;
}

/** Active services of active carriers, in the carriers' order, with their rules. */
async function activeServices(ctx: ServiceContext): Promise<RatedService[]> {
  const rows = await ctx.db
    .selectFrom('carrier_services')
    .innerJoin('carriers', 'carriers.id', 'carrier_services.carrier_id')
    .selectAll('carrier_services')
    .select('carriers.name as carrierName')
    .where('carrier_services.active', '=', 1)
    .where('carriers.active', '=', 1)
    .orderBy('carriers.sort_order')
    .orderBy('carrier_services.sort_order')
    .execute();
  const rules = await rulesOf(
    ctx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    carrierId: row.carrier_id,
    carrierName: row.carrierName,
    ...termsOf(row),
    rules: rules.filter((rule) => rule.serviceId === row.id),
  }));
}

/** The shop's country is where parcels leave from; a shop that has not said is in China, as the seeded price lists are. */
async function originCountry(ctx: ServiceContext): Promise<string> {
  return (await getSettings(ctx)).address.country || 'CN';
}

/** Cut-offs are local: the day and hour on this computer's clock. */
function readyMoment(readyAt: string | undefined): ShipMoment {
  const at = readyAt ? new Date(readyAt) : new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, hour: at.getHours() };
}

function goalOf(input: GoalInput, promisedDate: string | null): RateGoal {
  if (input.goal === 'cheapest_on_time') return { kind: 'cheapest_on_time', promisedDate };
  if (input.budget === undefined) {
    throw new AppError('VALIDATION', 'Fastest within a budget needs the budget', {
      issues: [{ path: 'budget', message: 'Required for fastest_within_budget' }],
    });
  }
  return { kind: 'fastest_within_budget', budget: input.budget };
}

async function quoteRates(
  ctx: ServiceContext,
  request: {
    parcel: Parcel;
    estimated: boolean;
    unweighedItems: number;
    destination: Destination;
    orderValue: number;
    promisedDate: string | null;
  } & GoalInput,
): Promise<RateQuoteOutput> {
  const goal = goalOf(request, request.promisedDate);
  const ready = readyMoment(request.readyAt);
  const quote = rateParcel({
    originCountry: await originCountry(ctx),
    parcel: request.parcel,
    destination: request.destination,
    orderValue: request.orderValue,
    ready,
    services: await activeServices(ctx),
  });
  return {
    parcel: { ...request.parcel, estimated: request.estimated, unweighedItems: request.unweighedItems },
    place: quote.place,
    orderValue: request.orderValue,
    readyDate: ready.date,
    readyHour: ready.hour,
    promisedDate: request.promisedDate,
    options: quote.options,
    ineligible: quote.ineligible,
    best: chooseBest(quote.options, goal),
  };
}

export async function quoteParcel(
  ctx: ServiceContext,
  input: GoalInput & { package: Parcel; destination: Destination; orderValue: number; promisedDate: string | null },
): Promise<RateQuoteOutput> {
  return quoteRates(ctx, {
    ...input,
    parcel: input.package,
    estimated: false,
    unweighedItems: 0,
  });
}

/** The order's parcel: as packed when given, else estimated from its products' weights and sizes. */
async function parcelOf(
  ctx: ServiceContext,
  order: Order,
  given: Parcel | undefined,
): Promise<{ parcel: Parcel; estimated: boolean; unweighedItems: number }> {
  if (given) return { parcel: given, estimated: false, unweighedItems: 0 };
  const productIds = order.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const products =
    productIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('products')
          .select(['id', 'weight_grams', 'length_mm', 'width_mm', 'height_mm'])
          .where('id', 'in', productIds)
          .execute();
  const byId = new Map(products.map((p) => [p.id, p]));
  const estimate = estimateParcel(
    order.lines.map((line) => {
      const product = line.productId ? byId.get(line.productId) : undefined;
      return {
        quantity: line.quantity,
        weightGrams: product?.weight_grams ?? null,
        lengthMm: product?.length_mm ?? null,
        widthMm: product?.width_mm ?? null,
        heightMm: product?.height_mm ?? null,
      };
    }),
  );
  return { ...estimate, estimated: true };
}

async function shippingOrder(
  ctx: ServiceContext,
  numberOrId: string,
): Promise<Order & { shippingAddress: NonNullable<Order['shippingAddress']> }> {
  const order = await getOrder(ctx, await findOrderId(ctx, numberOrId));
  const address = order.shippingAddress;
  if (!order.ships || address === null) {
    throw new AppError('INVALID_STATE', `Order ${order.number} does not ship to an address: there is nothing to rate`, {
      id: order.id,
      issues: [{ path: 'orderId', message: 'The order has no shipping address' }],
    });
  }
  return { ...order, shippingAddress: address };
}

export async function quoteForOrder(
  ctx: ServiceContext,
  input: GoalInput & { orderId: string; package?: Parcel },
): Promise<RateQuoteOutput & { chosenServiceId: string | null }> {
  const order = await shippingOrder(ctx, input.orderId);
  const row = await orderRow(ctx, order.id);
  return { ...(await quoteShippingOrder(ctx, order, input)), chosenServiceId: row.carrier_service_id };
}

/** Every service for an order already read: its parcel (given or estimated), address, value and promise. */
async function quoteShippingOrder(
  ctx: ServiceContext,
  order: Awaited<ReturnType<typeof shippingOrder>>,
  input: GoalInput & { package?: Parcel },
): Promise<RateQuoteOutput> {
  return quoteRates(ctx, {
    ...input,
    ...(await parcelOf(ctx, order, input.package)),
    destination: order.shippingAddress,
    orderValue: order.lines.reduce((sum, line) => sum + line.total, 0),
    promisedDate: order.promisedDate,
  });
}

/**
 * Ships the order with a service: the method becomes the service's name and, when asked,
 * the shipping charge becomes the price quoted now (the order is repriced through the
 * ordinary edit, so tax and totals follow). The price is never taken from the caller.
 */
export async function chooseServiceForOrder(
  ctx: ServiceContext,
  input: { orderId: string; serviceId: string; setCharge: boolean; package?: Parcel; readyAt?: string },
): Promise<Order & { carrierServiceId: string | null }> {
  const order = await shippingOrder(ctx, input.orderId);
  assertCan(await orderRow(ctx, order.id), 'edit');
  const quote = await quoteShippingOrder(ctx, order, { ...input, goal: 'cheapest_on_time' });
  const option = quote.options.find((o) => o.serviceId === input.serviceId);
  if (!option) {
    throw new AppError('VALIDATION', 'This service does not take this order’s parcel to its address', {
      issues: [{ path: 'serviceId', message: 'Not one of the services that can ship this order' }],
    });
  }
  const updated = await updateOrder(ctx, order.id, {
    shipping: {
      method: option.serviceName,
      amount: input.setCharge ? option.price : order.shippingAmount,
      taxClass: order.shippingTaxClass,
      address: order.shippingAddress,
    },
  });
  await ctx.db.updateTable('orders').set({ carrier_service_id: option.serviceId }).where('id', '=', order.id).execute();
  // The chosen service is not part of the order's own fields: the order read back by the edit stands.
  return { ...updated, carrierServiceId: option.serviceId };
}
