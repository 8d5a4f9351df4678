import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { packing } from '../../../../../shared/contract/picking';
import type { PackingOrder } from '../../../../../shared/domain/picking';
import { useApi } from '../../../api/ApiContext';
import { NO_PARCEL, ParcelFields, parcelInput } from '../list/ParcelFields';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../../components/form-errors';

/** The package being filled: its contents, taking one out, and closing it with weight and size. */
export function OpenPackage({
  order,
  onChange,
  onRefused,
}: {
  order: PackingOrder;
  onChange(next: PackingOrder, done?: string): void;
  onRefused(text: string): void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [size, setSize] = useState(NO_PARCEL);
  const [errors, setErrors] = useState<FieldErrors>({});
  const open = order.openPackage;

  async function remove(orderLineId: string) {
    if (!open) return;
    try {
      onChange(await client.packing.remove({ shipmentId: open.id, orderLineId }));
    } catch (error) {
      onRefused(errorText(error, t));
    }
  }

  async function close(event: FormEvent) {
    event.preventDefault();
    if (!open) return;
    const values = { shipmentId: open.id, ...parcelInput(size) };
    const checked = checkForm(packing.close.input, values, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      const next = await client.packing.close(checked.data);
      setSize(NO_PARCEL);
      setErrors({});
      onChange(next, t('picking.pack.closed', { number: open.number }));
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      onRefused(errorText(error, t));
    }
  }

  if (!open) {
    return (
      <section className="panel pack-package" aria-label={t('picking.pack.newPackage')}>
        <h2>{t('picking.pack.newPackage')}</h2>
        <p className="muted">
          {order.lines.some((l) => l.toPack > 0) ? t('picking.pack.newPackageHint') : t('picking.pack.allPacked')}
        </p>
      </section>
    );
  }
  return (
    <section className="panel pack-package is-open" aria-label={t('picking.pack.openPackage', { number: open.number })}>
      <h2>{t('picking.pack.openPackage', { number: open.number })}</h2>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('picking.pack.sku')}</th>
            <th scope="col">{t('picking.pack.name')}</th>
            <th scope="col" className="num">
              {t('picking.pack.quantity')}
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {open.lines.map((line) => (
            <tr key={line.orderLineId}>
              <td className="mono">{line.sku}</td>
              <td>{line.name}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('picking.pack.remove', { sku: line.sku })}
                  onClick={() => void remove(line.orderLineId)}
                >
                  −1
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={close} noValidate aria-label={t('picking.pack.close')}>
        <div className="form-grid form-grid--4">
          <ParcelFields
            value={size}
            onChange={setSize}
            errors={errors}
            weightHint={
              open.estimatedWeightGrams !== null
                ? t('picking.pack.estimated', { grams: open.estimatedWeightGrams })
                : undefined
            }
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('picking.pack.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
