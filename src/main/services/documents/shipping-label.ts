import type { OrderAddress } from '../../../shared/domain/orders';
import type { Settings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { getOrder } from '../orders/orders';
import { findShipmentId, getShipment } from '../shipments/shipment-queries';
import { brandingOf, type Branding } from './branding';

export interface ShippingLabelData {
  branding: Branding;
  /** The shipment's number: the footer's and the file's name. */
  number: string;
  orderNumber: string;
  customerName: string;
  shipTo: OrderAddress | null;
  carrierName: string | null;
  serviceName: string | null;
  trackingNumber: string | null;
  /** The carrier's page for the number, printed as a QR code. */
  trackingUrl: string | null;
  weightGrams: number | null;
  /** This parcel's place among the order's live parcels: parcel `index` of `count`. */
  parcel: { index: number; count: number };
}

/** A parcel's label: from the store, to the order's shipping address, with the carrier's number as a barcode. */
export async function shippingLabelData(
  ctx: ServiceContext,
  key: string,
  settings: Settings,
): Promise<ShippingLabelData> {
  const shipment = await getShipment(ctx, await findShipmentId(ctx, key));
  if (shipment.stage === 'cancelled') {
    throw new AppError('INVALID_STATE', `Shipment ${shipment.number} is cancelled: it gets no label`, {
      id: shipment.id,
      stage: shipment.stage,
    });
  }
  const order = await getOrder(ctx, shipment.orderId);
  const parcels = await ctx.db
    .selectFrom('shipments')
    .select('id')
    .where('order_id', '=', shipment.orderId)
    .where('stage', '!=', 'cancelled')
    .orderBy('created_at')
    .orderBy('number')
    .execute();
  return {
    branding: brandingOf(settings),
    number: shipment.number,
    orderNumber: shipment.orderNumber,
    customerName: shipment.customerName,
    shipTo: order.shippingAddress,
    carrierName: shipment.carrier?.name ?? null,
    serviceName: shipment.service?.name ?? null,
    trackingNumber: shipment.trackingNumber,
    trackingUrl: shipment.trackingUrl,
    weightGrams: shipment.weightGrams,
    parcel: { index: parcels.findIndex((parcel) => parcel.id === shipment.id) + 1, count: parcels.length },
  };
}
