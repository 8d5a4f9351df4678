import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shipment } from '../../../../../shared/contract/shipments';
import type { Order } from '../../../../../shared/domain/orders';
import type { Warehouse } from '../../../../../shared/domain/inventory';
import { useApi } from '../../../api/ApiContext';
import { SelectField } from '../../../components/Field';
import { errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';
import { warehouseLabel } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { HandoverFields, handoverInput, NO_HANDOVER, type Handover } from './HandoverFields';
import { NO_PARCEL, ParcelFields, parcelInput, type Parcel } from './ParcelFields';

/**
 * Ships part or all of an order straight from a warehouse, for shops without a pack
 * station: how many of each line go in this parcel (what is left, to start with), the
 * parcel's measures, and the carrier with its tracking number.
 */
export function ShipOrderForm({
  order,
  left,
  onShipped,
  onClose,
}: {
  order: Order;
  /** Units of each order line not yet in a parcel, by line id. */
  left: Map<string, number>;
  onShipped(shipment: Shipment): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [warehouseId, setWarehouseId] = useState(order.warehouseId ?? '');
  const [quantities, setQuantities] = useState<Record<string, string>>(() =>
    Object.fromEntries(order.lines.map((line) => [line.id, String(left.get(line.id) ?? 0)])),
  );
  const [handover, setHandover] = useState<Handover>(NO_HANDOVER);
  const [parcel, setParcel] = useState<Parcel>(NO_PARCEL);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.warehouses.list({}).then(
      (list) => {
        const active = list.filter((w) => w.active);
        setWarehouses(active);
        setWarehouseId((current) => current || active[0]?.id || '');
      },
      () => undefined,
    );
  }, [client]);

  const chosen = order.lines
    .map((line) => ({ orderLineId: line.id, quantity: Number(quantities[line.id] ?? 0) }))
    .filter((line) => line.quantity !== 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // What the server would refuse per line, said here in the UI's language first.
    const lineErrors: FieldErrors = {};
    for (const line of chosen) {
      const most = left.get(line.orderLineId) ?? 0;
      if (!Number.isInteger(line.quantity) || line.quantity < 0) {
        lineErrors[`line:${line.orderLineId}`] = t('shipments.ship.wholeUnits');
      } else if (line.quantity > most) {
        lineErrors[`line:${line.orderLineId}`] = t('shipments.ship.atMost', { count: most });
      }
    }
    setErrors(lineErrors);
    if (Object.keys(lineErrors).length > 0) return;
    if (chosen.length === 0) {
      setProblem(t('shipments.ship.nothing'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const shipment = await client.shipments.shipOrder({
        orderId: order.id,
        warehouseId,
        lines: chosen,
        ...handoverInput(handover),
        ...parcelInput(parcel),
      });
      onShipped(shipment);
    } catch (error) {
      const fields = serverFieldErrors(error, t);
      // Line errors come back by their place in what was sent: show them on their line.
      const byLine: FieldErrors = {};
      for (const [path, message] of Object.entries(fields)) {
        const match = /^lines\.(\d+)\./.exec(path);
        const line = match ? chosen[Number(match[1])] : undefined;
        byLine[line ? `line:${line.orderLineId}` : path] = message;
      }
      setErrors(byLine);
      setProblem(Object.keys(fields).length > 0 ? null : errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel ship-form" onSubmit={submit} noValidate aria-label={t('shipments.ship.orderTitle')}>
      <h2>{t('shipments.ship.orderTitle')}</h2>
      {problem && <Notice kind="error">{problem}</Notice>}
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('shipments.detail.sku')}</th>
            <th scope="col">{t('shipments.detail.product')}</th>
            <th scope="col" className="num">
              {t('shipments.ship.left')}
            </th>
            <th scope="col" className="num">
              {t('shipments.ship.toShip')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td className="mono">{line.sku}</td>
              <td>{line.name}</td>
              <td className="num">{left.get(line.id) ?? 0}</td>
              <td className="num">
                <input
                  className="ship-qty"
                  inputMode="numeric"
                  aria-label={`${t('shipments.ship.toShip')} ${line.sku}`}
                  aria-invalid={errors[`line:${line.id}`] ? true : undefined}
                  value={quantities[line.id] ?? ''}
                  onChange={(e) => setQuantities((current) => ({ ...current, [line.id]: e.target.value }))}
                />
                {errors[`line:${line.id}`] && (
                  <span className="field__error" role="alert">
                    {errors[`line:${line.id}`]}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-grid form-grid--4">
        <SelectField
          label={t('shipments.ship.warehouse')}
          value={warehouseId}
          onChange={(e) => setWarehouseId(e.target.value)}
          options={warehouses.map((w) => ({ value: w.id, label: warehouseLabel(w) }))}
          error={errors.warehouseId}
        />
        <HandoverFields value={handover} onChange={setHandover} errors={errors} />
      </div>
      <div className="form-grid form-grid--4">
        <ParcelFields value={parcel} onChange={setParcel} errors={errors} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('shipments.ship.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('shipments.ship.cancel')}
        </button>
      </div>
    </form>
  );
}
