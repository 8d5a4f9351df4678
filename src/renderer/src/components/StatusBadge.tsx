/** A document's status as a coloured pill; the colour comes from the status, the words from the caller's i18n key. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`status status--${status}`}>{label}</span>;
}
