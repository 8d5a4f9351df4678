import { useTranslation } from 'react-i18next';
import type { Shipment } from '../../../../../shared/contract/shipments';
import { formatDateTime } from '../../../components/formatting';

/**
 * A parcel's tracking events, newest first in the carrier's time, each with where it
 * came from. The event that set the current status is marked.
 */
export function TrackingTimeline({ shipment }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const events = [...shipment.events].reverse();
  if (events.length === 0) return <p className="muted">{t('shipments.detail.noEvents')}</p>;
  const current = events.find((event) => event.status === shipment.trackingStatus);
  return (
    <ol className="track-timeline" aria-label={t('shipments.detail.timeline')}>
      {events.map((event) => (
        <li key={event.id} className={event === current ? 'is-current' : undefined}>
          <strong>{t(`shipments.statuses.${event.status}`)}</strong>
          {event.location && ` · ${event.location}`}
          {event.description && ` — ${event.description}`}
          <span className="track-timeline__meta">
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time> ·{' '}
            {t('shipments.event.by', {
              source: t(`shipments.sources.${event.source}`),
              who: event.recordedBy ?? '—',
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
