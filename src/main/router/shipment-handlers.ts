import { carrierOptions, findShipmentId, getShipment, listShipments } from '../services/shipments/shipment-queries';
import { shipOrder, shipPacked } from '../services/shipments/ship';
import { addTrackingEvents } from '../services/shipments/tracking-events';
import { importTrackingFile } from '../services/shipments/tracking-file';
import { voidShipment } from '../services/shipments/void';
import type { HandlersOf } from './handler-types';

/** Shipping, tracking and voiding parcels; a shipment is found by id, number or tracking number. */
export const shipmentHandlers: HandlersOf<'shipments'> = {
  'shipments.list': (ctx, input) => listShipments(ctx, input),
  'shipments.get': async (ctx, input) => getShipment(ctx, await findShipmentId(ctx, input.id)),
  'shipments.carriers': (ctx) => carrierOptions(ctx),
  'shipments.shipOrder': (ctx, input) => shipOrder(ctx, input),
  'shipments.ship': async (ctx, { id, ...input }) => shipPacked(ctx, await findShipmentId(ctx, id), input),
  'shipments.void': async (ctx, input) => voidShipment(ctx, await findShipmentId(ctx, input.id), input.reason),
  'shipments.addEvents': async (ctx, input) => {
    const id = await findShipmentId(ctx, input.id);
    const counts = await addTrackingEvents(ctx, id, input.source, input.events);
    return { ...counts, shipment: await getShipment(ctx, id) };
  },
  'shipments.importEvents': (ctx, input) => importTrackingFile(ctx, input),
};
