import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import type { Warehouse } from '../../../../../shared/domain/inventory';
import { useApi } from '../../../api/ApiContext';
import { SelectField } from '../../../components/Field';
import { errorText } from '../../../components/form-errors';
import { formatDateTime, warehouseLabel } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { PanelToolbar } from '../../../components/PanelToolbar';
import { go } from '../../../components/useHashPath';

type Row = OutputOf<'counts.list'>[number];

/** Stock counts, and starting one for a whole warehouse or a few bins. */
export function CountsPanel() {
  const { t } = useTranslation();
  const { client } = useApi();
  const [counts, setCounts] = useState<Row[]>([]);
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [starting, setStarting] = useState(false);
  const [warehouseId, setWarehouseId] = useState('');
  const [bins, setBins] = useState<string[]>([]);
  const [blind, setBlind] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(() => {
    client.counts.list({}).then(setCounts, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, t]);
  useEffect(() => {
    reload();
    client.warehouses.list({}).then((list) => {
      const active = list.filter((w) => w.active);
      setWarehouses(active);
      setWarehouseId((id) => id || active[0]?.id || '');
    });
  }, [client, reload]);

  const warehouse = warehouses.find((w) => w.id === warehouseId);

  async function start(event: FormEvent) {
    event.preventDefault();
    try {
      const count = await client.counts.start({ warehouseId, locationIds: bins.length > 0 ? bins : undefined, blind });
      go('stock', 'counts', count.id);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  return (
    <section className="panel" aria-label={t('stock.counts.title')}>
      <PanelToolbar
        title={t('stock.counts.title')}
        action={{ label: t('stock.counts.start'), onClick: () => setStarting(true), disabled: starting }}
      />
      {failure && <Notice kind="error">{failure}</Notice>}
      {starting && (
        <form className="inline-form" onSubmit={start} noValidate aria-label={t('stock.counts.start')}>
          <div className="form-grid">
            <SelectField
              label={t('stock.counts.warehouse')}
              value={warehouseId}
              onChange={(e) => {
                setWarehouseId(e.target.value);
                setBins([]);
              }}
              options={warehouses.map((w) => ({ value: w.id, label: warehouseLabel(w) }))}
            />
            <label className="checkbox">
              <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
              {t('stock.counts.blind')}
            </label>
          </div>
          <fieldset>
            <legend>{t('stock.counts.bins')}</legend>
            <div className="chips">
              <label className="checkbox chip">
                <input type="checkbox" checked={bins.length === 0} onChange={() => setBins([])} />
                {t('stock.counts.allBins')}
              </label>
              {warehouse?.locations
                .filter((l) => l.active)
                .map((l) => (
                  <label key={l.id} className="checkbox chip">
                    <input
                      type="checkbox"
                      checked={bins.includes(l.id)}
                      onChange={(e) => setBins(e.target.checked ? [...bins, l.id] : bins.filter((b) => b !== l.id))}
                    />
                    <span className="mono">{l.code}</span>
                  </label>
                ))}
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={!warehouseId}>
              {t('stock.counts.start')}
            </button>
            <button type="button" className="button" onClick={() => setStarting(false)}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      )}
      {counts.length === 0 ? (
        <p className="muted">{t('stock.counts.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('stock.counts.number')}</th>
              <th scope="col">{t('stock.counts.warehouse')}</th>
              <th scope="col">{t('stock.counts.status')}</th>
              <th scope="col">{t('stock.counts.created')}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr key={c.id} className="is-link" onClick={() => go('stock', 'counts', c.id)}>
                <td className="mono">
                  <a href={`#/stock/counts/${c.id}`}>{c.number}</a>
                </td>
                <td className="mono">{c.warehouseCode}</td>
                <td>
                  <StatusBadge status={c.status} label={t(`stock.counts.statuses.${c.status}`)} />
                </td>
                <td>{formatDateTime(c.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
