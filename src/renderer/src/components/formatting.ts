import i18next from 'i18next';

/** Dates and times in the UI's language and the machine's time zone. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The short form for dense tables: 2026/11/27 12:18 or 11/27/26, 12:18 PM. */
export function formatDateTimeShort(iso: string): string {
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** How a warehouse is named in pickers and headings: its code, then its name. */
export function warehouseLabel(warehouse: { code: string; name: string }): string {
  return `${warehouse.code} · ${warehouse.name}`;
}
