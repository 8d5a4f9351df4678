import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { orderEventSchema } from '../../../../shared/domain/orders';
import { formatMoney } from '../../../../shared/money';
import { formatDateTime } from '../../components/formatting';

export type OrderEvent = z.infer<typeof orderEventSchema>;

/** One event in words: what happened, with its amounts in the order's currency. */
function eventText(event: OrderEvent, currency: string, t: TFunction, language: string): string {
  const d = event.details ?? {};
  const money = (value: unknown) => (typeof value === 'number' ? formatMoney(value, currency, language) : '');
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (event.kind) {
    case 'created':
      return t('orders.events.created', {
        number: text(d.number),
        channel: t(`orders.channels.${text(d.channel)}`),
        total: money(d.total),
      });
    case 'edited':
      return t('orders.events.edited', { from: money(d.totalFrom), to: money(d.totalTo), lines: d.lines });
    case 'held':
      return t('orders.events.held', { reason: text(d.reason) });
    case 'cancelled':
      return text(d.reason)
        ? t('orders.events.cancelled', { reason: text(d.reason), refunded: money(d.refunded) })
        : t('orders.events.cancelledNoReason', { refunded: money(d.refunded) });
    case 'payment':
      return t('orders.events.payment', { amount: money(d.amount), method: t(`orders.methods.${text(d.method)}`) });
    case 'refund':
      return t('orders.events.refund', { amount: money(d.amount), reason: text(d.reason) });
    case 'confirmed':
    case 'released':
    case 'completed':
      return t(`orders.events.${event.kind}`);
    case 'imported':
      return t('orders.events.imported', { fileName: text(d.fileName), line: d.line });
    case 'return_requested':
      return t('orders.events.returnRequested', { number: text(d.number) });
    case 'return_received':
      return t('orders.events.returnReceived', { number: text(d.number) });
    case 'return_inspected':
      return t('orders.events.returnInspected', { number: text(d.number) });
    case 'return_processed':
      return t('orders.events.returnProcessed', {
        number: text(d.number),
        restocked: d.restocked,
        scrapped: d.scrapped,
      });
    case 'return_refunded':
      return t('orders.events.returnRefunded', { number: text(d.number), amount: money(d.amount) });
    case 'return_cancelled':
      return t('orders.events.returnCancelled', { number: text(d.number) });
    case 'exchange_for':
      return t('orders.events.exchangeFor', { number: text(d.number) });
    case 'shipped':
      return t(text(d.trackingNumber) ? 'shipments.orderEvents.shippedTracking' : 'shipments.orderEvents.shipped', {
        number: text(d.number),
        units: d.units,
        carrier: text(d.carrier),
        trackingNumber: text(d.trackingNumber),
      });
    case 'shipment_voided':
      return t('shipments.orderEvents.voided', { number: text(d.number) });
    case 'fulfilment_changed':
      return t('shipments.orderEvents.fulfilment', {
        from: t(`orders.fulfilmentStatuses.${text(d.from)}`),
        to: t(`orders.fulfilmentStatuses.${text(d.to)}`),
      });
    default:
      return t('orders.events.other', { kind: event.kind });
  }
}

/** Everything that happened to an order, oldest first: what, who and when. */
export function OrderTimeline({ events, currency }: { events: OrderEvent[]; currency: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-label={t('orders.detail.timeline')}>
      <h2>{t('orders.detail.timeline')}</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id}>
            {eventText(event, currency, t, i18n.language)}
            <span className="timeline__meta">
              {event.userName ?? t('orders.detail.nobody')} ·{' '}
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
