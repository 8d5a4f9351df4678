import { luhn, mod10, mod37x36, mod7, s10, weightedSum } from './checksums';

export type CarrierCode =
  | 'amazon'
  | 'canada_post'
  | 'canpar'
  | 'dhl'
  | 'dpd'
  | 'fedex'
  | 'gofo'
  | 'landmark'
  | 'lasership'
  | 'old_dominion'
  | 'ontrac'
  | 'purolator'
  | 'upu_s10'
  | 'speedee'
  | 'ups'
  | 'usps'
  | 'yodel'
  | 'yunexpress';

export interface TrackingFormat {
  carrier: CarrierCode;
  name: string;
  /** Anchored and matched against the upper-cased number; whitespace between characters is allowed. */
  pattern: RegExp;
  /** The check character of a serial; absent: the format has no check digit. */
  check?: (serial: string) => string;
  /** Prefixed to the serial before checking when the serial matches (USPS legacy, OnTrac). */
  prependIf?: { matches: RegExp; content: string };
  /** The country code must name a postal operator (UPU S10). */
  postalCountry?: true;
}

const anchored = (source: string) => new RegExp(`^${source}$`);
const mod10With =
  (evensMultiplier: number, oddsMultiplier: number, reverse = false) =>
  (serial: string) =>
    mod10(serial, { evensMultiplier, oddsMultiplier, reverse });
const FEDEX_12 = [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];
const FEDEX_13 = [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1];

/**
 * Every format of docs/tracking-numbers.md (from the public tracking_number_data
 * collection): its pattern with named groups SerialNumber and CheckDigit, and its check.
 */
export const TRACKING_FORMATS: readonly TrackingFormat[] = [
  {
    carrier: 'amazon',
    name: 'Amazon Logistics',
    pattern: anchored(String.raw`\s*T\s*B\s*[ACM]\s*(?<SerialNumber>([0-9]\s*){12,12})\s*`),
  },
  {
    carrier: 'amazon',
    name: 'Amazon International',
    pattern: anchored(String.raw`\s*[AFC]\s*(?<SerialNumber>([0-9]\s*){10,10})\s*`),
  },
  {
    carrier: 'canada_post',
    name: 'Canada Post (16)',
    pattern: anchored(String.raw`\s*(?<SerialNumber>(?<OriginId>([0-9]\s*){7})([0-9]\s*){8})(?<CheckDigit>[0-9]\s*)`),
    check: mod10With(3, 1),
  },
  {
    carrier: 'canpar',
    name: 'Canpar (22)',
    pattern: anchored(String.raw`\s*(?<SerialNumber>[CDKLSUXZ]\s*([0-9]\s*){21})\s*`),
  },
  {
    carrier: 'dhl',
    name: 'DHL Express',
    pattern: anchored(String.raw`\s*(?<SerialNumber>([0-9]\s*){9,10})(?<CheckDigit>([0-9]\s*))`),
    check: mod7,
  },
  {
    carrier: 'dhl',
    name: 'DHL Express (Piece ID)',
    pattern: anchored(String.raw`\s*(J[A-Z]{2,3})(?<SerialNumber>([0-9]\s*){9,10})`),
  },
  {
    carrier: 'dhl',
    name: 'DHL E-Commerce',
    pattern: anchored(
      String.raw`(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)\s*(?<SerialNumber>(?=[0-9A-Z\s]{10,39}\b)(?=[^0-9A-Z]*[0-9])[0-9A-Z\s]{10,39})`,
    ),
  },
  {
    carrier: 'dhl',
    name: 'DHL E-Commerce (14)',
    pattern: anchored(String.raw`\s*\b(?<SerialNumber>(?:[0-9]\s*){14})\b`),
  },
  {
    carrier: 'dpd',
    name: 'DPD (28)',
    pattern: anchored(
      String.raw`\s*(?<SerialNumber>(?<DestinationZip>([0-9]\s*){7})([0-9]\s*){14}(?<ServiceType>([0-9]\s*){3})(?<CountryCode>([0-9]\s*){3}))(?<CheckDigit>[0-9A-Z]\s*)`,
    ),
    check: mod37x36,
  },
  {
    carrier: 'dpd',
    name: 'DPD (14)',
    pattern: anchored(String.raw`\s*(?<SerialNumber>([0-9]\s*){14})(?<CheckDigit>[0-9A-Z]\s*)`),
    check: mod37x36,
  },
  {
    carrier: 'fedex',
    name: 'FedEx Express (12)',
    pattern: anchored(String.raw`\s*(?<SerialNumber>([0-9]\s*){11})(?<CheckDigit>[0-9]\s*)`),
    check: (serial) => weightedSum(serial, FEDEX_12, 11, 10),
  },
  {
    carrier: 'fedex',
    name: 'FedEx Express (34)',
    pattern: anchored(
      String.raw`\s*[0-8]\s*([0-9]\s*){14}(?<DestinationZip>([0-9]\s*){5})(?<SerialNumber>([0-9]\s*){13})(?<CheckDigit>[0-9]\s*)`,
    ),
    check: (serial) => weightedSum(serial, FEDEX_13, 11, 10),
  },
  {
    carrier: 'fedex',
    name: 'FedEx ASTRA (32)',
    pattern: anchored(
      String.raw`\s*3\s*(?:[0-9]\s*){5}(?:[0-9]\s*){3}(?:[0-9]\s*){7}(?<SerialNumber>(?:[0-9]\s*){11})(?<CheckDigit>[0-9]\s*)(?:[0-9]\s*){4}`,
    ),
    check: (serial) => weightedSum(serial, FEDEX_12, 11, 10),
  },
  {
    carrier: 'fedex',
    name: 'FedEx Ground',
    pattern: anchored(String.raw`\s*(?<SerialNumber>([0-9]\s*){14})(?<CheckDigit>([0-9]\s*))`),
    check: mod10With(1, 3),
  },
  {
    carrier: 'fedex',
    name: 'FedEx Ground (SSCC-18)',
    pattern: anchored(
      String.raw`\s*(?<ShippingContainerType>([0-9]\s*){2})(?<SerialNumber>([0-9]\s*){15})(?<CheckDigit>[0-9]\s*)`,
    ),
    check: mod10With(3, 1),
  },
  {
    carrier: 'fedex',
    name: 'FedEx Ground 96 (22)',
    pattern: anchored(
      String.raw`\s*(?<ApplicationIdentifier>9\s*6\s*)(?<SCNC>([0-9]\s*){2})(?<ServiceType>([0-9]\s*){3})(?<SerialNumber>(?<ShipperId>([0-9]\s*){7})(?<PackageId>([0-9]\s*){7}))(?<CheckDigit>[0-9]\s*)`,
    ),
    check: mod10With(1, 3),
  },
  {
    carrier: 'fedex',
    name: 'FedEx Ground GSN',
    pattern: anchored(
      String.raw`\s*(?<ApplicationIdentifier>9\s*6\s*)(?<SCNC>([0-9]\s*){2})([0-9]\s*){5}(?<GSN>([0-9]\s*){10})[0-9]\s*(?<SerialNumber>([0-9]\s*){13})(?<CheckDigit>[0-9]\s*)`,
    ),
    check: (serial) => weightedSum(serial, FEDEX_13, 11, 10),
  },
  {
    carrier: 'gofo',
    name: 'GOFO Express (US)',
    pattern: anchored(String.raw`\s*G\s*F\s*U\s*S\s*(?<SerialNumber>([0-9]\s*){14})\s*`),
  },
  {
    carrier: 'landmark',
    name: 'Landmark Global LTN',
    pattern: anchored(String.raw`\s*L\s*T\s*N\s*(?<SerialNumber>([0-9]\s*){8})\s*N\s*1`),
  },
  {
    carrier: 'lasership',
    name: 'LaserShip LX',
    pattern: anchored(String.raw`\s*L\s*[AIEHNX]\s*[1-3]\s*(?<SerialNumber>([0-9]\s*){7,7})\s*`),
  },
  {
    carrier: 'lasership',
    name: 'LaserShip 1LS7 (15)',
    pattern: anchored(String.raw`\s*1\s*L\s*S\s*7\s*[12]\s*([0-9]\s*){4,4}(?<SerialNumber>([0-9]\s*){6,6})\s*`),
  },
  {
    carrier: 'lasership',
    name: 'LaserShip 1LS7 (18)',
    pattern: anchored(
      String.raw`\s*1\s*L\s*S\s*7\s*[12]\s*([0-9]\s*){2,2}\s*0\s*1\s*[1234]\s*\s*(?<SerialNumber>([0-9]\s*){6,6})-\s*1\s*`,
    ),
  },
  {
    carrier: 'lasership',
    name: 'LaserShip 1LSCX (15)',
    pattern: anchored(String.raw`\s*1\s*L\s*S\s*\s*C\s*X\s*(?<SerialNumber>([0-9A-Z]\s*){10})`),
  },
  {
    carrier: 'old_dominion',
    name: 'Old Dominion',
    pattern: anchored(
      String.raw`\s*(?<SerialNumber>(7\s*7\s*[78]\s*|0\s*7\s*2\s*|7\s*8\s*0\s*)([0-9]\s*){7})(?<CheckDigit>[0-9]\s*)`,
    ),
    check: luhn,
  },
  {
    carrier: 'old_dominion',
    name: 'Old Dominion Guaranteed Shipment',
    pattern: anchored(String.raw`\s*(?<SerialNumber>8\s*0\s*([0-9]\s*){8})(?<CheckDigit>[0-9]\s*)`),
    check: luhn,
  },
  {
    carrier: 'ontrac',
    name: 'OnTrac',
    pattern: anchored(String.raw`\s*C\s*(?<SerialNumber>([0-9]\s*){13})(?<CheckDigit>[0-9]\s*)`),
    check: mod10With(1, 2),
    prependIf: { matches: /^(?!4).+$/, content: '4' },
  },
  {
    carrier: 'ontrac',
    name: 'OnTrac D',
    pattern: anchored(String.raw`\s*D\s*(?<SerialNumber>([0-9]\s*){13})(?<CheckDigit>[0-9]\s*)`),
    check: mod10With(1, 2),
    prependIf: { matches: /^(?!5).+$/, content: '5' },
  },
  {
    carrier: 'purolator',
    name: 'Purolator (12)',
    pattern: anchored(String.raw`\s*(?<SerialNumber>[0-5]\s*([0-9]\s*){10})(?<CheckDigit>[0-9])\s*`),
    check: luhn,
  },
  {
    carrier: 'purolator',
    name: 'Purolator (alpha + 9)',
    pattern: anchored(String.raw`\s*(?<SerialNumber>([A-Z]\s*){3}([0-9]\s*){9})\s*`),
  },
  {
    carrier: 'upu_s10',
    name: 'UPU S10',
    pattern: anchored(
      String.raw`\s*(?<ServiceType>([A-Z]\s*){2})(?<SerialNumber>([0-9]\s*){8})(?<CheckDigit>([0-9]\s*))(?<CountryCode>([A-Z]\s*){2})`,
    ),
    check: s10,
    postalCountry: true,
  },
  {
    carrier: 'speedee',
    name: 'Spee-Dee (20)',
    pattern: anchored(String.raw`\s*S\s*P\s*(?<SerialNumber>([0-9]\s*){18})\s*`),
  },
  {
    carrier: 'ups',
    name: 'UPS',
    pattern: anchored(
      String.raw`\s*1\s*Z\s*(?<SerialNumber>(?<ShipperId>(?:[A-Z0-9]\s*){6,6})(?<ServiceType>(?:[A-Z0-9]\s*){2,2})(?<PackageId>(?:[A-Z0-9]\s*){7,7}))(?<CheckDigit>[0-9]\s*)`,
    ),
    check: mod10With(1, 2),
  },
  {
    carrier: 'ups',
    name: 'UPS Waybill',
    pattern: anchored(
      String.raw`\s*(?<ServiceType>([AHJKTV]\s*){1})(?<SerialNumber>(?:[0-9]\s*){9})(?<CheckDigit>[0-9]\s*){1}`,
    ),
    check: mod10With(1, 2),
  },
  {
    carrier: 'usps',
    name: 'USPS 20',
    pattern: anchored(
      String.raw`\s*(?<SerialNumber>(?<ServiceType>([0-9]\s*){2})(?<ShipperId>([0-9]\s*){9})(?<PackageId>([0-9]\s*){8}))(?<CheckDigit>[0-9]\s*)`,
    ),
    check: mod10With(3, 1),
  },
  {
    carrier: 'usps',
    name: 'USPS IMpb N',
    pattern: anchored(
      String.raw`\s*((?<RoutingApplicationId>4\s*2\s*0\s*)(?<DestinationZip>([0-9]\s*){5}(?=([0-9]\s*){22}(?![0-9])|([0-9]\s*){26}(?![0-9])))(?<DestinationZipPlus4>([0-9]\s*){4}(?=([0-9]\s*){22}(?![0-9])))?)?(?<SerialNumber>(?<ApplicationIdentifier>9\s*4\s*)(?<ServiceType>([0-9]\s*){3})(?=9\s*([0-9]\s*){8}(([0-9]\s*){15}|([0-9]\s*){11}|([0-9]\s*){7})[0-9]\s*(?![0-9])|[0-8]\s*([0-9]\s*){5}(([0-9]\s*){14}|([0-9]\s*){10})[0-9]\s*(?![0-9]))(?<ShipperId>9\s*([0-9]\s*){8}|[0-8]\s*([0-9]\s*){5})(?<PackageId>([0-9]\s*){15}|([0-9]\s*){14}|([0-9]\s*){11}|([0-9]\s*){10}|([0-9]\s*){7}))(?<CheckDigit>[0-9]\s*)`,
    ),
    check: mod10With(3, 1, true),
  },
  {
    carrier: 'usps',
    name: 'USPS Legacy',
    pattern: anchored(
      String.raw`\s*(?:(?<RoutingApplicationId>4\s*2\s*0\s*)(?<DestinationZip>([0-9]\s*){5})(?<DestinationZipPlus4>([0-9]\s*){4})?)?(?<SerialNumber>(?<ApplicationIdentifier>9\s*1\s*)?(?<ServiceType>([0-9]\s*){2})(?<ShipperId>([0-9]\s*){9})(?<PackageId>([0-9]\s*){8}))(?<CheckDigit>[0-9]\s*)`,
    ),
    check: mod10With(3, 1),
    prependIf: { matches: /^(?!9\s*1).+/, content: '91' },
  },
  {
    carrier: 'usps',
    name: 'USPS IMpb C',
    pattern: anchored(
      String.raw`\s*(?:(?<RoutingApplicationId>4\s*2\s*0\s*)(?<DestinationZip>([0-9]\s*){5})(?<DestinationZipPlus4>([0-9]\s*){4}(?=([0-9]\s*){22}(?![0-9])))?)?(?<SerialNumber>(?<ApplicationIdentifier>9\s*2\s*(?=([0-9]\s*){3}9)|9\s*3\s*(?=([0-9]\s*){3}[0-8])|9\s*5\s*)(?<ServiceType>([0-9]\s*){3})(?=9\s*([0-9]\s*){8}(([0-9]\s*){11}|([0-9]\s*){7})[0-9]\s*(?![0-9])|[0-8]\s*([0-9]\s*){5}(([0-9]\s*){14}|([0-9]\s*){10})[0-9]\s*(?![0-9]))(?<ShipperId>9\s*([0-9]\s*){8}|[0-8]\s*([0-9]\s*){5})(?<PackageId>([0-9]\s*){14}|([0-9]\s*){11}|([0-9]\s*){10}|([0-9]\s*){7}))(?<CheckDigit>[0-9]\s*)`,
    ),
    check: mod10With(3, 1),
  },
  {
    carrier: 'yodel',
    name: 'Yodel',
    pattern: anchored(String.raw`\s*J\s*(J\s*)?D\s*(?<SerialNumber>([0-9]\s*){16})\s*`),
  },
  {
    carrier: 'yunexpress',
    name: 'YunExpress',
    pattern: anchored(String.raw`\s*Y\s*T\s*(?<SerialNumber>([0-9]\s*){16})\s*`),
  },
];
