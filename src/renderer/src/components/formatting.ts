import i18next from 'i18next';

/** Dates and times in the UI's language and the machine's time zone. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(i18next.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
