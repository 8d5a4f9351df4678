import { billableGrams, chargedSteps, parcelMeasures, volumetricGrams, type Parcel } from './billable-weight';
import { arrivalDay, collectionDay, type ShipMoment } from './delivery-dates';
import type { RateRule, ServiceTerms } from './rules';
import { placeOf, zoneMatches, zoneSpecificity, type Destination, type Place } from './zones';

/** A service with its terms and price list, as the engine needs it. */
export interface RatedService extends ServiceTerms {
  id: string;
  code: string;
  name: string;
  carrierId: string;
  carrierName: string;
  rules: RateRule[];
}

export interface RateRequest {
  /** The country the parcel leaves from (the shop's). */
  originCountry: string;
  parcel: Parcel;
  destination: Destination;
  /** What the order is worth, for free-shipping thresholds, in minor units. */
  orderValue: number;
  ready: ShipMoment;
  services: RatedService[];
}

/** One part of a price, so a person can see how it was reached. Amounts add up to the price. */
export type PricePart =
  | { kind: 'base'; amount: number; weightGrams: number }
  | { kind: 'steps'; amount: number; count: number; stepGrams: number; stepPrice: number }
  | { kind: 'minimum'; amount: number; minimumCharge: number }
  | { kind: 'remote'; amount: number }
  | { kind: 'oversize'; amount: number }
  | { kind: 'free_over'; amount: number; threshold: number };

export interface RateOption {
  serviceId: string;
  serviceCode: string;
  serviceName: string;
  carrierId: string;
  carrierName: string;
  ruleId: string;
  zoneName: string;
  actualGrams: number;
  volumetricGrams: number | null;
  billableGrams: number;
  /** The weight charged for: the base weight plus whole steps. */
  chargedGrams: number;
  parts: PricePart[];
  /** What the carrier's list asks before any free-shipping threshold. */
  fullPrice: number;
  /** What the order is charged. */
  price: number;
  transitDaysMin: number;
  transitDaysMax: number;
  collectionDate: string;
  deliveryEarliest: string;
  deliveryLatest: string;
}

export type IneligibleReason = 'origin' | 'no_zone' | 'weight';

export interface RateQuote {
  place: Place;
  options: RateOption[];
  ineligible: Array<{ serviceId: string; serviceName: string; carrierName: string; reason: IneligibleReason }>;
}

/** The rule that prices this parcel: the most narrowly drawn zone that holds the place, then the first such rule. */
function ruleFor(service: RatedService, place: Place, billable: number): RateRule | IneligibleReason {
  const inZone = service.rules.filter((rule) => zoneMatches(rule.zone, place));
  if (inZone.length === 0) return 'no_zone';
  const inBracket = inZone.filter(
    (rule) => billable > rule.minWeightGrams && (rule.maxWeightGrams === null || billable <= rule.maxWeightGrams),
  );
  if (inBracket.length === 0) return 'weight';
  return inBracket.reduce((best, rule) => (zoneSpecificity(rule.zone) > zoneSpecificity(best.zone) ? rule : best));
}

function priceOf(
  service: RatedService,
  rule: RateRule,
  parcel: Parcel,
  place: Place,
  billable: number,
  orderValue: number,
): { parts: PricePart[]; fullPrice: number; price: number; chargedGrams: number } {
  const steps = chargedSteps(billable, rule.baseWeightGrams, rule.stepGrams);
  const parts: PricePart[] = [{ kind: 'base', amount: rule.basePrice, weightGrams: rule.baseWeightGrams }];
  if (steps > 0) {
    parts.push({
      kind: 'steps',
      amount: steps * rule.stepPrice,
      count: steps,
      stepGrams: rule.stepGrams,
      stepPrice: rule.stepPrice,
    });
  }
  const listed = rule.basePrice + steps * rule.stepPrice;
  if (listed < rule.minimumCharge) {
    parts.push({ kind: 'minimum', amount: rule.minimumCharge - listed, minimumCharge: rule.minimumCharge });
  }
  if (service.remoteFee > 0 && service.remoteAreas.some((zone) => zoneMatches(zone, place))) {
    parts.push({ kind: 'remote', amount: service.remoteFee });
  }
  const measures = parcelMeasures(parcel);
  const oversize =
    measures !== null &&
    ((service.oversizeLongestMm !== null && measures.longestMm > service.oversizeLongestMm) ||
      (service.oversizeGirthMm !== null && measures.lengthPlusGirthMm > service.oversizeGirthMm));
  if (oversize && service.oversizeFee > 0) parts.push({ kind: 'oversize', amount: service.oversizeFee });
  const fullPrice = parts.reduce((sum, part) => sum + part.amount, 0);
  if (rule.freeOver !== null && orderValue >= rule.freeOver && fullPrice > 0) {
    parts.push({ kind: 'free_over', amount: -fullPrice, threshold: rule.freeOver });
  }
  return {
    parts,
    fullPrice,
    price: parts.reduce((sum, part) => sum + part.amount, 0),
    chargedGrams: rule.baseWeightGrams + steps * rule.stepGrams,
  };
}

/** Every service that takes this parcel to this place, priced and dated; and why the others do not. */
export function rateParcel(request: RateRequest): RateQuote {
  const place = placeOf(request.destination);
  const options: RateOption[] = [];
  const ineligible: RateQuote['ineligible'] = [];
  for (const service of request.services) {
    const refuse = (reason: IneligibleReason) =>
      ineligible.push({ serviceId: service.id, serviceName: service.name, carrierName: service.carrierName, reason });
    if (service.originCountry !== '' && service.originCountry !== request.originCountry) {
      refuse('origin');
      continue;
    }
    const billable = billableGrams(request.parcel, service.volumetricDivisor);
    const rule = ruleFor(service, place, billable);
    if (typeof rule === 'string') {
      refuse(rule);
      continue;
    }
    const priced = priceOf(service, rule, request.parcel, place, billable, request.orderValue);
    const collected = collectionDay(request.ready, service.cutoffHour, service.transitCalendar);
    options.push({
      serviceId: service.id,
      serviceCode: service.code,
      serviceName: service.name,
      carrierId: service.carrierId,
      carrierName: service.carrierName,
      ruleId: rule.id,
      zoneName: rule.zoneName,
      actualGrams: request.parcel.weightGrams,
      volumetricGrams: volumetricGrams(request.parcel, service.volumetricDivisor),
      billableGrams: billable,
      chargedGrams: priced.chargedGrams,
      parts: priced.parts,
      fullPrice: priced.fullPrice,
      price: priced.price,
      transitDaysMin: rule.transitDaysMin,
      transitDaysMax: rule.transitDaysMax,
      collectionDate: collected,
      deliveryEarliest: arrivalDay(collected, rule.transitDaysMin, service.transitCalendar),
      deliveryLatest: arrivalDay(collected, rule.transitDaysMax, service.transitCalendar),
    });
  }
  return { place, options, ineligible };
}
