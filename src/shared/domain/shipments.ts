/**
 * Where a parcel is in the warehouse: items are scanned into it (packing), it is closed
 * with its weight and size (packed), then handed to the carrier with its label (shipped).
 * Shipping is the step that takes the goods out of stock.
 */
export const SHIPMENT_STAGES = ['packing', 'packed', 'shipped', 'cancelled'] as const;
export type ShipmentStage = (typeof SHIPMENT_STAGES)[number];

/**
 * Where a shipped parcel is, as the carrier reports it, in the order a parcel normally
 * passes through. Exceptions and returns can happen at any point.
 */
export const TRACKING_STATUSES = [
  'label_created',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivery_attempted',
  'delivered',
  'exception',
  'returned_to_sender',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];
