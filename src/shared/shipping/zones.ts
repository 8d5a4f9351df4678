import { provinceByName, provinceByPostcode } from './china-provinces';
import type { Zone } from './rules';

/** Where a parcel goes, as an order's shipping address gives it. */
export interface Destination {
  country: string;
  region: string;
  city: string;
  postalCode: string;
}

/** A destination read the way zones compare it. */
export interface Place {
  country: string;
  /** China: the province's code (ZJ), found from the region, the city or the postcode; elsewhere the region as written, upper-cased. */
  region: string;
  postcode: string;
}

export function placeOf(destination: Destination): Place {
  const country = destination.country.trim().toUpperCase();
  const postcode = destination.postalCode.replace(/[\s-]/g, '').toUpperCase();
  if (country === 'CN') {
    const province =
      provinceByName(destination.region) ?? provinceByName(destination.city) ?? provinceByPostcode(postcode);
    return { country, region: province?.code ?? destination.region.trim().toUpperCase(), postcode };
  }
  return { country, region: destination.region.trim().toUpperCase(), postcode };
}

export function zoneMatches(zone: Zone, place: Place): boolean {
  if (!zone.countries.includes(place.country)) return false;
  if (zone.regions.length > 0 && !zone.regions.includes(place.region)) return false;
  if (zone.postcodePrefixes.length > 0) {
    if (place.postcode === '' || !zone.postcodePrefixes.some((prefix) => place.postcode.startsWith(prefix))) {
      return false;
    }
  }
  return true;
}

/** How narrowly a zone is drawn: a postcode list beats a region list, which beats whole countries. */
export function zoneSpecificity(zone: Zone): number {
  return (zone.postcodePrefixes.length > 0 ? 2 : 0) + (zone.regions.length > 0 ? 1 : 0);
}

function listsMeet(a: readonly string[], b: readonly string[], same: (x: string, y: string) => boolean): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => same(x, y)));
}

/**
 * Whether some address could fall in both zones. Two rules of one service drawn equally
 * narrowly must not both claim a parcel, or its price would depend on which came first.
 */
export function zonesOverlap(a: Zone, b: Zone): boolean {
  return (
    a.countries.some((c) => b.countries.includes(c)) &&
    listsMeet(a.regions, b.regions, (x, y) => x === y) &&
    listsMeet(a.postcodePrefixes, b.postcodePrefixes, (x, y) => x.startsWith(y) || y.startsWith(x))
  );
}
