import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import type { Product } from '../../../../../shared/domain/catalog';
import type { Warehouse } from '../../../../../shared/domain/inventory';
import { useApi } from '../../../api/ApiContext';
import { SelectField } from '../../../components/Field';
import { errorText } from '../../../components/form-errors';
import { formatDateTime, warehouseLabel } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { PanelToolbar } from '../../../components/PanelToolbar';
import { ProductCodeInput } from '../../../components/ProductCodeInput';
import { go } from '../../../components/useHashPath';

type Row = OutputOf<'transfers.list'>[number];

/** Transfers between warehouses, and the form for a new one. */
export function TransfersPanel() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const mayMove = user?.role !== 'clerk';
  const [transfers, setTransfers] = useState<Row[]>([]);
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [creating, setCreating] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [lines, setLines] = useState<Array<{ product: Product; quantity: string }>>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(() => {
    client.transfers.list({}).then(setTransfers, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, t]);
  useEffect(() => {
    reload();
    client.warehouses.list({}).then((list) => {
      const active = list.filter((w) => w.active);
      setWarehouses(active);
      setFrom((id) => id || active[0]?.id || '');
      setTo((id) => id || active[1]?.id || '');
    });
  }, [client, reload]);

  async function create(event: FormEvent) {
    event.preventDefault();
    const parsed = lines.map((l) => ({ productId: l.product.id, quantity: Number(l.quantity) }));
    if (parsed.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1))
      return setFailure(t('validation.wholeNumber'));
    try {
      const transfer = await client.transfers.create({ fromWarehouseId: from, toWarehouseId: to, lines: parsed });
      go('stock', 'transfers', transfer.id);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  const options = warehouses.map((w) => ({ value: w.id, label: warehouseLabel(w) }));

  return (
    <section className="panel" aria-label={t('stock.transfers.title')}>
      <PanelToolbar
        title={t('stock.transfers.title')}
        action={
          mayMove
            ? { label: t('stock.transfers.new'), onClick: () => setCreating(true), disabled: creating }
            : undefined
        }
      />
      {failure && <Notice kind="error">{failure}</Notice>}
      {creating && (
        <form className="inline-form" onSubmit={create} noValidate aria-label={t('stock.transfers.new')}>
          <div className="form-grid">
            <SelectField
              label={t('stock.transfers.from')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              options={options}
            />
            <SelectField
              label={t('stock.transfers.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              options={options}
            />
          </div>
          <ProductCodeInput
            label={t('stock.purchaseOrders.addLine')}
            onProduct={(product) =>
              setLines((current) =>
                current.some((l) => l.product.id === product.id) ? current : [...current, { product, quantity: '1' }],
              )
            }
          />
          {lines.length > 0 && (
            <table className="table table--compact">
              <tbody>
                {lines.map((line, i) => (
                  <tr key={line.product.id}>
                    <td className="mono">{line.product.sku}</td>
                    <td>{line.product.name}</td>
                    <td>
                      <input
                        aria-label={`${t('stock.transfers.quantity')} ${line.product.sku}`}
                        className="input--narrow"
                        inputMode="numeric"
                        value={line.quantity}
                        onChange={(e) =>
                          setLines(lines.map((l, j) => (j === i ? { ...l, quantity: e.target.value } : l)))
                        }
                      />
                    </td>
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setLines(lines.filter((_, j) => j !== i))}
                      >
                        {t('stock.purchaseOrders.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={lines.length === 0 || !from || !to}>
              {t('stock.transfers.create')}
            </button>
            <button type="button" className="button" onClick={() => setCreating(false)}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      )}
      {transfers.length === 0 ? (
        <p className="muted">{t('stock.transfers.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('stock.transfers.number')}</th>
              <th scope="col">{t('stock.transfers.from')}</th>
              <th scope="col">{t('stock.transfers.to')}</th>
              <th scope="col">{t('stock.transfers.status')}</th>
              <th scope="col">{t('stock.transfers.created')}</th>
            </tr>
          </thead>
          <tbody>
            {transfers.map((tr) => (
              <tr key={tr.id} className="is-link" onClick={() => go('stock', 'transfers', tr.id)}>
                <td className="mono">
                  <a href={`#/stock/transfers/${tr.id}`}>{tr.number}</a>
                </td>
                <td className="mono">{tr.fromWarehouseCode}</td>
                <td className="mono">{tr.toWarehouseCode}</td>
                <td>
                  <StatusBadge status={tr.status} label={t(`stock.transfers.statuses.${tr.status}`)} />
                </td>
                <td>{formatDateTime(tr.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
