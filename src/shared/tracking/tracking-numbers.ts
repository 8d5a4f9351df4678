import { TRACKING_FORMATS, type CarrierCode, type TrackingFormat } from './formats';

/**
 * China's domestic carriers publish no check digit: their numbers are recognised by
 * pattern only, as hints, and never refused for lacking one (docs/tracking-numbers.md).
 */
export const DOMESTIC_HINTS = [
  { carrier: 'sf', name: 'SF Express', pattern: /^(SF[0-9A-Z][0-9]{12}|[0-9]{12,15})$/ },
  { carrier: 'yto', name: 'YTO Express', pattern: /^(YT[0-9]{13}|[0-9A-Z]{2}[0-9]{10,13}|[6-9][0-9]{17})$/ },
  { carrier: 'zto', name: 'ZTO Express', pattern: /^(7[2-9][0-9]{12}|[0-9]{12})$/ },
  { carrier: 'jd', name: 'JD Logistics', pattern: /^(JD[XKV][0-9A-Z][0-9]{11,12})$/ },
  { carrier: 'jt', name: 'J&T Express', pattern: /^JT[0-9]{12,13}$/ },
] as const;

export type DomesticCarrier = (typeof DOMESTIC_HINTS)[number]['carrier'];

/** Each carrier's public tracking page; `%s` is the number. */
export const TRACKING_PAGES: Partial<Record<CarrierCode | DomesticCarrier, string>> = {
  ups: 'https://www.ups.com/track?tracknum=%s',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr=%s',
  usps: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=%s',
  dhl: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=%s',
  dpd: 'https://tracking.dpd.de/status/en_US/parcel/%s',
  canada_post: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=%s',
  purolator: 'https://www.purolator.com/en/shipping/tracker?pins=%s',
  ontrac: 'https://www.ontrac.com/tracking/?number=%s',
  amazon: 'https://track.amazon.com/tracking/%s',
  yodel: 'https://www.yodel.co.uk/track/%s',
  yunexpress: 'https://www.yuntrack.com/parcelTracking?id=%s',
  upu_s10: 'https://www.17track.net/en/track?nums=%s',
  sf: 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/%s',
  zto: 'https://www.zto.com/?num=%s',
  yto: 'https://www.yto.net.cn/?num=%s',
  jd: 'https://www.jdl.com/#/trackQuery?waybillCodes=%s',
  jt: 'https://www.jtexpress.cn/?num=%s',
};

export interface TrackingMatch {
  carrier: CarrierCode | DomesticCarrier;
  format: string;
  /** What the number says of the service, where it says (S10: EMS, registered…; its post). */
  service: string | null;
  /** False for the domestic hints: the pattern fits, but nothing can prove the number right. */
  verified: boolean;
  trackingUrl: string | null;
}

export interface TrackingCheck {
  /** Upper case, without the spaces people and labels put in. */
  number: string;
  valid: boolean;
  carrier: string | null;
  service: string | null;
  /** Why the number is refused, or why it could not be verified. */
  reason: string | null;
  /** Every format the number is valid in: several formats overlap. */
  matches: TrackingMatch[];
}

const S10_SERVICES: Array<[RegExp, string]> = [
  [/^E[A-Z]$/, 'EMS'],
  [/^L[A-Z]$/, 'Letter post express'],
  [/^M[A-Z]$/, 'Letter post M-bag'],
  [/^Q[A-M]$/, 'International business reply'],
  [/^R[A-Z]$/, 'Registered letter post'],
  [/^U[A-Z]$/, 'Letter post'],
  [/^V[A-Z]$/, 'Insured letter post'],
  [/^C[A-Z]$/, 'Parcel post'],
  [/^H[A-Z]$/, 'E-commerce parcel'],
  [/^([BDNPZ][A-Z]|A[V-Z]|G[AD])$/, 'Domestic'],
];

const POSTS: Record<string, string> = { CN: 'China Post', HK: 'Hong Kong Post', MO: 'Macao Post', TW: 'Chunghwa Post' };

/**
 * The post behind an S10 country code. A code is known when the standard library knows
 * it as a region (ISO 3166); the reference data's list of UPU operators is close to it.
 */
function postOf(code: string): string | null {
  if (POSTS[code]) return POSTS[code];
  const name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code);
  return name && name !== 'Unknown Region' ? `${name} post` : null;
}

function matchFormat(format: TrackingFormat, number: string): { match: TrackingMatch | null; reason: string | null } {
  const found = format.pattern.exec(number);
  if (!found) return { match: null, reason: null };
  const groups = found.groups ?? {};
  let serial = (groups.SerialNumber ?? '').replace(/\s/g, '');
  const check = (groups.CheckDigit ?? '').replace(/\s/g, '');
  if (format.prependIf && format.prependIf.matches.test(serial)) serial = format.prependIf.content + serial;
  if (format.check) {
    const expected = format.check(serial);
    if (expected !== check) {
      return { match: null, reason: `${format.name}: the check digit is ${check}, the number calls for ${expected}` };
    }
  }
  let service: string | null = null;
  if (format.postalCountry) {
    const country = (groups.CountryCode ?? '').replace(/\s/g, '');
    const post = postOf(country);
    if (!post) return { match: null, reason: `${format.name}: ${country} is not a country with a post` };
    const kind = S10_SERVICES.find(([pattern]) => pattern.test((groups.ServiceType ?? '').replace(/\s/g, '')));
    service = kind ? `${post} · ${kind[1]}` : post;
  }
  const page = TRACKING_PAGES[format.carrier];
  return {
    match: {
      carrier: format.carrier,
      format: format.name,
      service,
      verified: true,
      trackingUrl: page ? page.replace('%s', encodeURIComponent(number)) : null,
    },
    reason: null,
  };
}

/**
 * Which carrier a tracking number belongs to, and whether its check digit is right. A
 * number that fits several formats returns them all. With `carrier`, only that carrier's
 * formats count (the carrier chosen for a shipment). China's domestic patterns count when
 * no checked format takes the number: a 12-digit SF number must not be refused because it
 * fails FedEx's check digit.
 */
export function checkTrackingNumber(input: string, carrier?: string): TrackingCheck {
  const number = input.toUpperCase().replace(/\s/g, '');
  const matches: TrackingMatch[] = [];
  const reasons: string[] = [];
  for (const format of TRACKING_FORMATS) {
    if (carrier && format.carrier !== carrier) continue;
    const { match, reason } = matchFormat(format, number);
    if (match) matches.push(match);
    if (reason) reasons.push(reason);
  }
  if (matches.length > 0) {
    return { number, valid: true, carrier: matches[0].carrier, service: matches[0].service, reason: null, matches };
  }
  const hints: TrackingMatch[] = DOMESTIC_HINTS.filter(
    (hint) => (!carrier || hint.carrier === carrier) && hint.pattern.test(number),
  ).map((hint) => {
    const page = TRACKING_PAGES[hint.carrier];
    return {
      carrier: hint.carrier,
      format: hint.name,
      service: null,
      verified: false,
      trackingUrl: page ? page.replace('%s', encodeURIComponent(number)) : null,
    };
  });
  if (hints.length > 0) {
    return {
      number,
      valid: true,
      carrier: hints[0].carrier,
      service: null,
      reason: 'This carrier publishes no check digit: the number fits its pattern and cannot be verified further',
      matches: hints,
    };
  }
  return {
    number,
    valid: false,
    carrier: null,
    service: null,
    reason: reasons.length > 0 ? reasons.join('; ') : 'Not the format of any known carrier',
    matches: [],
  };
}
