import type { OrderChannel } from '../../shared/domain/orders';
import type { Season } from './demo-range';

/** The shop's clock: China Standard Time all year, no daylight saving. */
export const SHOP_UTC_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

// Festivals move with the lunar calendar: the dates of Chinese New Year and Mid-Autumn.
const NEW_YEAR = ['2023-01-22', '2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13'];
const MID_AUTUMN = ['2023-09-29', '2024-09-17', '2025-10-06', '2026-09-25', '2027-09-15', '2028-10-03', '2029-09-22'];
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const NEW_YEAR_DAYS = NEW_YEAR.map(dayNumber);
const MID_AUTUMN_DAYS = MID_AUTUMN.map(dayNumber);

/** Sales by month, tea being a warm drink and a gift: low in high summer, high before the holidays. */
const MONTH = [1.15, 1.0, 0.95, 1.05, 0.95, 0.9, 0.7, 0.72, 0.95, 1.0, 1.05, 1.3];
/** Monday to Sunday. */
const WEEKDAY = [0.86, 0.84, 0.88, 0.93, 1.08, 1.38, 1.3];

export const CHANNEL_SHARE: Record<Exclude<OrderChannel, 'import'>, number> = {
  counter: 0.45,
  web: 0.28,
  api: 0.12,
  phone: 0.09,
  email: 0.06,
};
export const CHANNELS = Object.keys(CHANNEL_SHARE) as Array<keyof typeof CHANNEL_SHARE>;

/** Days from `day` to the next festival in `list` (negative for a few days after it). */
function daysToFestival(day: number, list: number[]): number {
  for (const festival of list) if (festival - day >= -7) return festival - day;
  return Infinity;
}

/** A smooth bump of height 1 at `centre` falling to 0 at `width` days either side. */
function bump(distance: number, width: number): number {
  return Math.abs(distance) >= width ? 0 : 0.5 + 0.5 * Math.cos((Math.PI * distance) / width);
}

export interface Promotion {
  name: '618' | 'double-11' | 'double-12';
  /** The order discount online in basis points. */
  discountBasisPoints: number;
  /** How much more the web shop and marketplaces sell that day. */
  lift: number;
}

/** The online shopping festivals: 618 (1–18 June), Singles' Day (1–11 November), Double 12. */
export function promotionOn(date: Date): Promotion | null {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  if (month === 6 && day <= 18) return { name: '618', discountBasisPoints: 1000, lift: day === 18 ? 3 : 1.4 };
  if (month === 11 && day <= 11)
    return { name: 'double-11', discountBasisPoints: 1500, lift: day === 11 ? 5 : 1.2 + day * 0.1 };
  if (month === 12 && day === 12) return { name: 'double-12', discountBasisPoints: 800, lift: 2.5 };
  return null;
}

/** Sales of the whole shop on one day, before channels: the season of the year and the festivals. */
export function yearlyFactor(dayNo: number): number {
  const date = new Date(dayNo * DAY_MS);
  const month = date.getUTCMonth();
  const position = (date.getUTCDate() - 15) / 30;
  const next = position >= 0 ? (month + 1) % 12 : (month + 11) % 12;
  const level = MONTH[month] + (MONTH[next] - MONTH[month]) * Math.abs(position);
  const toNewYear = daysToFestival(dayNo, NEW_YEAR_DAYS);
  const toMidAutumn = daysToFestival(dayNo, MID_AUTUMN_DAYS);
  // Gift buying in the three weeks before New Year and the two before Mid-Autumn.
  const gifts =
    1 + 0.8 * (toNewYear >= 0 ? bump(toNewYear - 10, 12) : 0) + 0.6 * (toMidAutumn >= 0 ? bump(toMidAutumn - 6, 9) : 0);
  return level * gifts;
}

/** The shop front closes from New Year's Eve to the third day of the year; online is quiet. */
export function newYearClosure(dayNo: number): boolean {
  const to = daysToFestival(dayNo, NEW_YEAR_DAYS);
  return to <= 1 && to >= -3;
}

/** Each channel's weight on a day: the counter busy at weekends and shut at New Year, online lifted by promotions. */
export function channelWeights(dayNo: number): number[] {
  const date = new Date(dayNo * DAY_MS);
  const weekday = (date.getUTCDay() + 6) % 7;
  const promotion = promotionOn(date);
  const closed = newYearClosure(dayNo);
  return CHANNELS.map((channel) => {
    const share = CHANNEL_SHARE[channel];
    if (channel === 'counter') return closed ? 0 : share * WEEKDAY[weekday];
    const online = channel === 'web' || channel === 'api';
    const week = online ? 0.6 + 0.4 * WEEKDAY[weekday] : weekday >= 5 ? 0.3 : 1.1;
    return share * week * (online && promotion ? promotion.lift : 1) * (closed ? 0.3 : 1);
  });
}

/** How much of a product with this season sells on a day, against its usual. */
export function seasonFactor(season: Season, dayNo: number): number {
  const date = new Date(dayNo * DAY_MS);
  const start = Date.UTC(date.getUTCFullYear(), 0, 1) / DAY_MS;
  const dayOfYear = dayNo - start;
  const around = (centre: number) => {
    const d = Math.abs(dayOfYear - centre);
    return Math.min(d, 365 - d);
  };
  switch (season) {
    case 'all-year':
      return 1;
    case 'spring':
      return 1 + 1.6 * bump(around(100), 40);
    case 'summer':
      return 0.25 + 1.9 * bump(around(196), 75);
    case 'winter':
      return 0.45 + 1.3 * bump(around(10), 80);
    case 'new-year': {
      const to = daysToFestival(dayNo, NEW_YEAR_DAYS);
      return 0.02 + (to >= 0 ? 12 * bump(to - 14, 21) : 0);
    }
    case 'mid-autumn': {
      const to = daysToFestival(dayNo, MID_AUTUMN_DAYS);
      return 0.02 + (to >= 0 ? 12 * bump(to - 10, 18) : 0);
    }
  }
}

/** Local hours (0–23) each channel takes orders in, by weight. */
export const HOURS: Record<keyof typeof CHANNEL_SHARE, number[]> = {
  counter: [0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 5, 7, 8, 6, 5, 5, 6, 8, 8, 6, 4, 2, 0, 0],
  web: [3, 2, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4, 5, 4, 4, 4, 4, 4, 5, 6, 8, 9, 8, 5],
  api: [3, 2, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 4, 4, 5, 4, 4, 4, 4, 4, 5, 6, 8, 9, 8, 5],
  phone: [0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 6, 3, 4, 6, 6, 5, 3, 0, 0, 0, 0, 0, 0],
  email: [1, 0, 0, 0, 0, 0, 0, 1, 2, 4, 5, 5, 3, 4, 5, 5, 4, 3, 2, 2, 2, 2, 1, 1],
};
