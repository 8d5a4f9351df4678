import { ExternalLink } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** A tracking number, as a link to the carrier's public tracking page where it has one. */
export function TrackingLink({ number, url }: { number: string | null; url: string | null }) {
  const { t } = useTranslation();
  if (!number) return null;
  if (!url) return <span className="mono">{number}</span>;
  return (
    <a
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      className="mono tracking-link"
      title={t('shipments.detail.trackPage')}
    >
      {number}
      <ExternalLink size={11} aria-hidden="true" />
    </a>
  );
}
