/** Parcel carriers hand over tracking numbers; local delivery and pickup go by route or counter. */
export const CARRIER_KINDS = ['parcel', 'local', 'pickup'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];
