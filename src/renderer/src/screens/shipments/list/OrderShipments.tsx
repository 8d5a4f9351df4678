import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shipment } from '../../../../../shared/contract/shipments';
import type { Order } from '../../../../../shared/domain/orders';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { PrintButton } from '../../printing/PrintButton';
import { ShipOrderForm } from './ShipOrderForm';
import { TrackingLink } from './TrackingLink';
import './shipments.css';

/** Units of each order line not yet in a live parcel (shipped, packed or being packed). */
function unitsLeft(order: Order, parcels: Shipment[]): Map<string, number> {
  const left = new Map(order.lines.map((line) => [line.id, line.quantity]));
  for (const parcel of parcels) {
    if (parcel.stage === 'cancelled') continue;
    for (const line of parcel.lines) left.set(line.orderLineId, (left.get(line.orderLineId) ?? 0) - line.quantity);
  }
  return left;
}

/**
 * The order page's parcels: each with its carrier, tracking and contents, and "Ship…"
 * for the rest of a confirmed order. `onShipped` lets the page read the order again.
 */
export function OrderShipments({ order, onShipped }: { order: Order; onShipped(): void }) {
  const { t } = useTranslation();
  const { client, user } = useApi();
  // Null until read: "Ship…" waits for them, so what is left to ship is never overstated.
  const [parcels, setParcels] = useState<Shipment[] | null>(null);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const load = useCallback(() => {
    client.shipments
      .list({ orderId: order.id, sort: 'createdAt', direction: 'asc', limit: 100 })
      .then((page) => Promise.all(page.rows.map((row) => client.shipments.get({ id: row.id }))))
      .then(setParcels, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }));
  }, [client, order.id, t]);
  useEffect(load, [load, order.updatedAt]);

  const left = unitsLeft(order, parcels ?? []);
  const anyLeft = parcels !== null && [...left.values()].some((units) => units > 0);
  const mayShip = user?.role !== 'clerk' && order.status === 'confirmed';
  const live = (parcels ?? []).filter((parcel) => parcel.stage !== 'cancelled').map((parcel) => parcel.id);

  return (
    <section className="panel" aria-label={t('shipments.order.title')}>
      <div className="panel__toolbar">
        <h2>{t('shipments.order.title')}</h2>
        {live.length > 0 && (
          <PrintButton
            kinds={['shipping-label']}
            ids={live}
            label={t('printing.printLabels', { count: live.length })}
            title={t('printing.preview.titleLabels', { number: order.number })}
          />
        )}
        {mayShip && anyLeft && !open && (
          <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
            {t('shipments.ship.open')}
          </button>
        )}
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {open && (
        <ShipOrderForm
          order={order}
          left={left}
          onClose={() => setOpen(false)}
          onShipped={(shipment) => {
            setOpen(false);
            setNotice({ kind: 'success', text: t('shipments.ship.shipped', { number: shipment.number }) });
            load();
            onShipped();
          }}
        />
      )}
      {parcels === null ? null : parcels.length === 0 ? (
        <p className="muted">{t('shipments.order.none')}</p>
      ) : (
        <ul className="parcels">
          {parcels.map((parcel) => (
            <li key={parcel.id} className={parcel.stage === 'cancelled' ? 'parcels__item is-voided' : 'parcels__item'}>
              <div className="parcels__head">
                <a href={`#/shipments/${parcel.id}`} className="mono">
                  {parcel.number}
                </a>
                <StatusBadge status={parcel.stage} label={t(`shipments.stages.${parcel.stage}`)} />
                {parcel.trackingStatus && parcel.stage !== 'cancelled' && (
                  <StatusBadge
                    status={`track-${parcel.trackingStatus}`}
                    label={t(`shipments.statuses.${parcel.trackingStatus}`)}
                  />
                )}
                {parcel.late && <StatusBadge status="late" label={t('shipments.late')} />}
              </div>
              <div className="muted">
                {[parcel.warehouseCode, parcel.carrierName, parcel.serviceName].filter(Boolean).join(' · ')}
                {parcel.trackingNumber && ' · '}
                <TrackingLink number={parcel.trackingNumber} url={parcel.trackingUrl} />
                {parcel.shippedAt && ` · ${formatDateTime(parcel.shippedAt)}`}
              </div>
              <div>{parcel.lines.map((line) => `${line.sku} × ${line.quantity}`).join(', ')}</div>
            </li>
          ))}
        </ul>
      )}
      {parcels !== null && parcels.length > 0 && !anyLeft && <p className="muted">{t('shipments.order.allShipped')}</p>}
    </section>
  );
}
