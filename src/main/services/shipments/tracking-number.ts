import type { CarrierKind } from '../../../shared/domain/carriers';
import { AppError } from '../../../shared/errors';
import { TRACKING_FORMATS } from '../../../shared/tracking/formats';
import { checkTrackingNumber } from '../../../shared/tracking/tracking-numbers';

function refuse(message: string): never {
  throw new AppError('VALIDATION', message, { issues: [{ path: 'trackingNumber', message }] });
}

/**
 * The tracking number a parcel is stored with, and whether it was verified. Parcel
 * carriers need one; local delivery and pickup do not. A number is checked against the
 * carrier's formats: a wrong check digit is refused with the reason. China's domestic
 * carriers publish no check digit, so their patterns are hints and never refuse a number.
 * A carrier with no format, or the user's explicit `skip`, stores the number unverified.
 */
export function acceptTrackingNumber(
  carrier: { name: string; kind: CarrierKind; tracking_format: string | null },
  raw: string | undefined,
  skip: boolean,
): { number: string | null; verified: boolean } {
  const number = raw?.toUpperCase().replace(/\s/g, '') ?? '';
  if (number === '') {
    if (carrier.kind === 'parcel') refuse(`${carrier.name} needs a tracking number`);
    return { number: null, verified: false };
  }
  if (skip || carrier.tracking_format === null) return { number, verified: false };
  const check = checkTrackingNumber(number, carrier.tracking_format);
  if (check.valid) return { number: check.number, verified: check.matches.some((match) => match.verified) };
  const checkable = TRACKING_FORMATS.some((format) => format.carrier === carrier.tracking_format);
  if (!checkable) return { number: check.number, verified: false };
  return refuse(`Not a valid ${carrier.name} tracking number: ${check.reason ?? 'unknown format'}`);
}
