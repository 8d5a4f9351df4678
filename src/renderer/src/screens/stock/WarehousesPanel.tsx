import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { Warehouse } from '../../../../shared/domain/inventory';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { warehouseLabel } from '../../components/formatting';
import { PanelToolbar } from '../../components/PanelToolbar';

/** Warehouses and their bins; bins sort by code, which is the order a picker walks. */
export function WarehousesPanel() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState({ code: '', name: '', address: '' });
  const [binDrafts, setBinDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const mayManage = user?.role === 'owner' || user?.role === 'manager';
  const mayAddBins = mayManage || user?.role === 'warehouse';

  const reload = useCallback(() => {
    client.warehouses.list({}).then(setWarehouses, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, t]);
  useEffect(reload, [reload]);

  async function create(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(contract.warehouses.create.input, draft, t);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await client.warehouses.create(checked.data);
      setDraft({ code: '', name: '', address: '' });
      setErrors({});
      setAdding(false);
      setFailure(null);
      reload();
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    }
  }

  async function addBin(event: FormEvent, warehouseId: string) {
    event.preventDefault();
    const code = binDrafts[warehouseId] ?? '';
    const checked = checkForm(contract.warehouses.createLocation.input, { warehouseId, code }, t);
    if (!checked.ok) return setErrors({ [`bin-${warehouseId}`]: checked.errors.code ?? '' });
    try {
      await client.warehouses.createLocation(checked.data);
      setBinDrafts({ ...binDrafts, [warehouseId]: '' });
      setErrors({});
      reload();
    } catch (error) {
      setErrors({ [`bin-${warehouseId}`]: serverFieldErrors(error, t).code ?? errorText(error, t) });
    }
  }

  return (
    <section className="panel" aria-label={t('stock.warehouses.title')}>
      <PanelToolbar
        title={t('stock.warehouses.title')}
        action={
          mayManage ? { label: t('stock.warehouses.add'), onClick: () => setAdding(true), disabled: adding } : undefined
        }
      />
      {failure && <Notice kind="error">{failure}</Notice>}
      {adding && (
        <form className="inline-form" onSubmit={create} noValidate aria-label={t('stock.warehouses.add')}>
          <div className="form-grid">
            <TextField
              label={t('stock.warehouses.code')}
              value={draft.code}
              onChange={(e) => setDraft({ ...draft, code: e.target.value })}
              error={errors.code}
              autoFocus
            />
            <TextField
              label={t('stock.warehouses.name')}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              error={errors.name}
            />
            <TextField
              label={t('stock.warehouses.address')}
              value={draft.address}
              onChange={(e) => setDraft({ ...draft, address: e.target.value })}
              wide
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('stock.warehouses.create')}
            </button>
            <button type="button" className="button" onClick={() => setAdding(false)}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      )}
      {warehouses.length === 0 && !adding && <p className="muted">{t('stock.warehouses.none')}</p>}
      <div className="cards">
        {warehouses.map((w) => (
          <article key={w.id} className="card" aria-label={warehouseLabel(w)}>
            <header className="card__header">
              <span className="mono card__code">{w.code}</span>
              <strong>{w.name}</strong>
            </header>
            {w.address && <p className="muted">{w.address}</p>}
            <h3 className="card__subtitle">{t('stock.warehouses.bins')}</h3>
            <ul className="chips">
              {w.locations.map((l) => (
                <li key={l.id} className={l.active ? 'chip' : 'chip chip--inactive'}>
                  <span className="mono">{l.code}</span>
                  {l.isDefault && <span className="muted"> · {t('stock.warehouses.default')}</span>}
                </li>
              ))}
            </ul>
            {mayAddBins && (
              <form
                className="inline-form inline-form--row"
                onSubmit={(e) => void addBin(e, w.id)}
                noValidate
                aria-label={`${t('stock.warehouses.addBin')} ${w.code}`}
              >
                <TextField
                  label={t('stock.warehouses.binCode')}
                  value={binDrafts[w.id] ?? ''}
                  onChange={(e) => setBinDrafts({ ...binDrafts, [w.id]: e.target.value })}
                  error={errors[`bin-${w.id}`]}
                />
                <button type="submit" className="button">
                  {t('stock.warehouses.addBin')}
                </button>
              </form>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
