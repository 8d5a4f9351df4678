import { ArrowLeft } from 'lucide-react';
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shipment } from '../../../../../shared/contract/shipments';
import { formatMoney } from '../../../../../shared/money';
import { useApi } from '../../../api/ApiContext';
import { TextField } from '../../../components/Field';
import { errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';
import { formatDateTime } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { PrintButton } from '../../printing/PrintButton';
import { AddEventForm } from './AddEventForm';
import { HandoverFields, handoverInput, NO_HANDOVER, type Handover } from './HandoverFields';
import { NO_PARCEL, ParcelFields, parcelInput, type Parcel } from './ParcelFields';
import { TrackingLink } from './TrackingLink';
import { TrackingTimeline } from './TrackingTimeline';

type Show = (kind: 'error' | 'success', text: string) => void;

/** Hands a packed parcel to its carrier. */
function ShipPackedForm({
  shipment,
  onShipped,
  show,
}: {
  shipment: Shipment;
  onShipped(s: Shipment): void;
  show: Show;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [handover, setHandover] = useState<Handover>(NO_HANDOVER);
  const [parcel, setParcel] = useState<Parcel>(NO_PARCEL);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      onShipped(await client.shipments.ship({ id: shipment.id, ...handoverInput(handover), ...parcelInput(parcel) }));
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      show('error', errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel ship-form" onSubmit={submit} noValidate aria-label={t('shipments.ship.title')}>
      <h2>{t('shipments.ship.title')}</h2>
      <div className="form-grid form-grid--4">
        <HandoverFields value={handover} onChange={setHandover} errors={errors} />
      </div>
      <div className="form-grid form-grid--4">
        <ParcelFields value={parcel} onChange={setParcel} errors={errors} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('shipments.ship.submit')}
        </button>
      </div>
    </form>
  );
}

/** Voids a parcel not yet picked up, with the reason why. */
function VoidForm({ shipment, onVoided, show }: { shipment: Shipment; onVoided(s: Shipment): void; show: Show }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        {t('shipments.ship.void')}
      </button>
    );
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      onVoided(await client.shipments.void({ id: shipment.id, reason }));
    } catch (error) {
      show('error', errorText(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="inline-form inline-form--row" onSubmit={submit} aria-label={t('shipments.ship.void')}>
      <TextField
        label={t('shipments.ship.voidReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoFocus
      />
      <button type="submit" className="button button--danger" disabled={busy}>
        {t('shipments.ship.confirmVoid')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
        {t('shipments.ship.cancel')}
      </button>
    </form>
  );
}

/** One parcel: where it stands, what is in it, who carries it, and its tracking timeline. */
export function ShipmentDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { client, user, currency } = useApi();
  const [shipment, setShipment] = useState<Shipment | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const show: Show = (kind, text) => setNotice({ kind, text });
  const keepsStock = user?.role !== 'clerk';

  const load = useCallback(() => {
    client.shipments.get({ id }).then(setShipment, (error: unknown) => show('error', errorText(error, t)));
  }, [client, id, t]);
  useEffect(load, [load]);

  if (!shipment) {
    return notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : <p className="muted">{t('common.loading')}</p>;
  }
  const size =
    shipment.lengthMm && shipment.widthMm && shipment.heightMm
      ? t('shipments.detail.size', { length: shipment.lengthMm, width: shipment.widthMm, height: shipment.heightMm })
      : null;
  const weight = shipment.weightGrams ? t('shipments.detail.weight', { grams: shipment.weightGrams }) : null;
  const facts: Array<[string, ReactNode]> = [
    [
      t('shipments.detail.order'),
      <a href={`#/orders/${shipment.orderId}`} className="mono">
        {shipment.orderNumber}
      </a>,
    ],
    [t('shipments.detail.customer'), shipment.customerName],
    [t('shipments.detail.warehouse'), shipment.warehouseCode],
    [t('shipments.detail.carrier'), shipment.carrierName],
    [t('shipments.detail.service'), shipment.serviceName],
    [
      t('shipments.detail.trackingNumber'),
      shipment.trackingNumber && (
        <>
          <TrackingLink number={shipment.trackingNumber} url={shipment.trackingUrl} />{' '}
          <span className="muted">
            ({shipment.trackingVerified ? t('shipments.detail.verified') : t('shipments.detail.unverified')})
          </span>
        </>
      ),
    ],
    [t('shipments.detail.promised'), shipment.promisedDate],
    [t('shipments.detail.packedAt'), formatDateTime(shipment.packedAt)],
    [t('shipments.detail.shippedAt'), formatDateTime(shipment.shippedAt)],
    [t('shipments.detail.deliveredAt'), formatDateTime(shipment.deliveredAt)],
    [t('shipments.detail.parcel'), [weight, size].filter(Boolean).join(' · ')],
    [
      t('shipments.detail.shippingCost'),
      shipment.shippingCost !== null ? formatMoney(shipment.shippingCost, currency ?? 'CNY', i18n.language) : null,
    ],
  ];

  return (
    <div className="detail">
      <div className="detail__header">
        <a href="#/shipments" className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('shipments.detail.back')}
        </a>
        <h2 className="mono">{shipment.number}</h2>
        <StatusBadge status={shipment.stage} label={t(`shipments.stages.${shipment.stage}`)} />
        {shipment.trackingStatus && shipment.stage !== 'cancelled' && (
          <StatusBadge
            status={`track-${shipment.trackingStatus}`}
            label={t(`shipments.statuses.${shipment.trackingStatus}`)}
          />
        )}
        {shipment.late && <StatusBadge status="late" label={t('shipments.late')} />}
        <span className="toolbar__spacer" />
        {shipment.stage !== 'cancelled' && (
          <PrintButton
            kinds={['shipping-label']}
            ids={[shipment.id]}
            label={t('printing.printLabel')}
            title={t('printing.preview.titleLabel', { number: shipment.number })}
          />
        )}
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {shipment.late && (
        <Notice kind="error">{t('shipments.detail.lateNotice', { date: shipment.promisedDate })}</Notice>
      )}
      {shipment.stage === 'cancelled' && <Notice kind="info">{t('shipments.detail.voidedNotice')}</Notice>}
      <section className="panel" aria-label={t('shipments.detail.parcel')}>
        <dl className="shipment-facts">
          {facts
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        {keepsStock && shipment.voidable && (
          <div className="form-actions">
            <VoidForm
              shipment={shipment}
              show={show}
              onVoided={(voided) => {
                setShipment(voided);
                show('success', t('shipments.ship.voided', { number: voided.number }));
              }}
            />
          </div>
        )}
      </section>
      {keepsStock && shipment.stage === 'packed' && (
        <ShipPackedForm
          shipment={shipment}
          show={show}
          onShipped={(shipped) => {
            setShipment(shipped);
            show('success', t('shipments.ship.shipped', { number: shipped.number }));
          }}
        />
      )}
      <div className="shipments-columns">
        <section className="panel" aria-label={t('shipments.detail.timeline')}>
          <h2>{t('shipments.detail.timeline')}</h2>
          <TrackingTimeline shipment={shipment} />
          {shipment.stage === 'shipped' && (
            <AddEventForm
              shipment={shipment}
              onError={(text) => show('error', text)}
              onAdded={(result) => {
                setShipment(result.shipment);
                show(
                  'success',
                  result.added > 0
                    ? t('shipments.event.added', {
                        status: t(`shipments.statuses.${result.shipment.trackingStatus ?? 'label_created'}`),
                      })
                    : t('shipments.event.duplicate'),
                );
              }}
            />
          )}
        </section>
        <section className="panel" aria-label={t('shipments.detail.lines')}>
          <h2>{t('shipments.detail.lines')}</h2>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('shipments.detail.sku')}</th>
                <th scope="col">{t('shipments.detail.product')}</th>
                <th scope="col" className="num">
                  {t('shipments.detail.quantity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shipment.lines.map((line) => (
                <tr key={line.id}>
                  <td className="mono">{line.sku}</td>
                  <td>{line.name}</td>
                  <td className="num">{line.quantity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
