import type { OrderAddress } from '../../../../shared/domain/orders';
import type { Locale } from '../../../../shared/domain/settings';
import { formatMoney } from '../../../../shared/money';

/** How a document writes money, dates and addresses: in the store's document language. */
export interface DocumentFormat {
  money(minor: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  percent(basisPoints: number): string;
}

export function documentFormat(locale: Locale, currency: string): DocumentFormat {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    money: (minor) => formatMoney(minor, currency, locale),
    // A promised date is a bare day: read as UTC so it is the same day in every time zone.
    date: (iso) =>
      /^\d{4}-\d{2}-\d{2}$/.test(iso) ? date.format(new Date(`${iso}T12:00:00Z`)) : date.format(new Date(iso)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    percent: (basisPoints) => `${basisPoints / 100}`,
  };
}

/** An address as the lines a parcel shows, Chinese order (region, city, street) for a Chinese address. */
export function addressLines(address: OrderAddress): string[] {
  const chinese = address.country === 'CN' || address.country === '';
  const place = chinese
    ? [address.region, address.city].filter(Boolean).join(' ')
    : [address.city, address.region, address.postalCode].filter(Boolean).join(' ');
  return [
    [address.recipient, address.phone].filter(Boolean).join('  '),
    chinese ? place : '',
    address.line1,
    address.line2,
    chinese ? address.postalCode : place,
    address.country,
  ].filter(Boolean);
}
