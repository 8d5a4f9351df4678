import type { Locale, Settings } from '../../../shared/domain/settings';

/** Who the document is from: the store as Settings describe it. */
export interface Branding {
  storeName: string;
  addressLines: string[];
  phone: string;
  email: string;
  /** A data URL, or '' for none. */
  logo: string;
  locale: Locale;
}

export function brandingOf(settings: Settings): Branding {
  const address = settings.address;
  return {
    storeName: settings.storeName,
    addressLines: [
      address.line1,
      address.line2,
      [address.postalCode, address.city, address.region].filter(Boolean).join(' '),
      address.country,
    ].filter(Boolean),
    phone: settings.phone,
    email: settings.email,
    logo: settings.logo,
    locale: settings.locale,
  };
}
