import type { RateRule } from './rules';
import { zoneSpecificity, zonesOverlap } from './zones';

type Bracketed = Pick<RateRule, 'zone' | 'minWeightGrams' | 'maxWeightGrams'>;

function bracketsOverlap(a: Bracketed, b: Bracketed): boolean {
  const aBelowB = a.maxWeightGrams !== null && a.maxWeightGrams <= b.minWeightGrams;
  const bBelowA = b.maxWeightGrams !== null && b.maxWeightGrams <= a.minWeightGrams;
  return !aBelowB && !bBelowA;
}

/**
 * The first of a service's other rules that would price the same parcel for the same
 * address as `rule` does: zones drawn equally narrowly that share an address, with weight
 * brackets that share a weight. A narrower zone inside a wider one is how exceptions are
 * made (Xinjiang inside all of China), so that is allowed.
 */
export function clashingRule<R extends Bracketed>(rule: Bracketed, others: readonly R[]): R | undefined {
  return others.find(
    (other) =>
      zoneSpecificity(other.zone) === zoneSpecificity(rule.zone) &&
      zonesOverlap(other.zone, rule.zone) &&
      bracketsOverlap(other, rule),
  );
}
