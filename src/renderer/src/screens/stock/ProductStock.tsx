import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/domain/catalog';
import { ADJUSTMENT_REASONS, type Balance, type Movement, type Warehouse } from '../../../../shared/domain/inventory';
import { formatMoney, parseMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { errorText, type FieldErrors } from '../../components/form-errors';
import { formatDateTimeShort } from '../../components/formatting';
import { Notice } from '../../components/Notice';
import { PanelToolbar } from '../../components/PanelToolbar';

type Action = 'receive' | 'adjust';

/** A product's stock per bin, the receive and adjust actions, and its movement history. */
export function ProductStock({ product, onChange }: { product: Product; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const { client, user, currency } = useApi();
  const [levels, setLevels] = useState<Balance[]>([]);
  const [movements, setMovements] = useState<Movement[]>([]);
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [action, setAction] = useState<Action | null>(null);
  const [form, setForm] = useState({ locationId: '', quantity: '', unitCost: '', reason: 'correction', note: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const mayKeepStock = user?.role === 'owner' || user?.role === 'manager' || user?.role === 'warehouse';

  const reload = useCallback(() => {
    client.stock.levels({ productId: product.id }).then(setLevels, () => setLevels([]));
    client.stock.movements({ productId: product.id, limit: 100 }).then(setMovements, () => setMovements([]));
  }, [client, product.id]);
  useEffect(() => {
    reload();
    client.warehouses.list({}).then(setWarehouses, () => setWarehouses([]));
  }, [client, reload]);

  const bins = warehouses.flatMap((w) =>
    w.locations.filter((l) => l.active).map((l) => ({ value: l.id, label: `${w.code} / ${l.code}` })),
  );

  function open(next: Action) {
    setAction(next);
    setErrors({});
    setNotice(null);
    setForm({ locationId: bins[0]?.value ?? '', quantity: '', unitCost: '', reason: 'correction', note: '' });
  }

  async function post(event: FormEvent) {
    event.preventDefault();
    const quantity = Number(form.quantity);
    const found: FieldErrors = {};
    const valid =
      action === 'receive'
        ? /^\d+$/.test(form.quantity) && quantity > 0
        : /^[-+]?\d+$/.test(form.quantity) && quantity !== 0;
    if (!valid) found.quantity = t('validation.wholeNumber');
    const unitCost = form.unitCost.trim() === '' ? null : currency ? parseMoney(form.unitCost, currency) : null;
    if (form.unitCost.trim() !== '' && unitCost === null) found.unitCost = t('validation.money');
    if (!form.locationId) found.locationId = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (action === 'receive') {
        await client.stock.receive({
          productId: product.id,
          locationId: form.locationId,
          quantity,
          unitCost,
          note: form.note || undefined,
        });
      } else {
        await client.stock.adjust({
          productId: product.id,
          locationId: form.locationId,
          quantity,
          reason: form.reason as (typeof ADJUSTMENT_REASONS)[number],
          note: form.note || undefined,
        });
      }
      setAction(null);
      setNotice({ kind: 'success', text: t('stock.actions.posted') });
      reload();
      onChange();
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  const totals = levels.reduce((sum, l) => ({ onHand: sum.onHand + l.onHand, reserved: sum.reserved + l.reserved }), {
    onHand: 0,
    reserved: 0,
  });

  return (
    <div className="detail__side">
      <section className="panel" aria-label={t('stock.levels.title')}>
        <PanelToolbar title={t('stock.levels.title')}>
          {mayKeepStock && bins.length > 0 && (
            <div className="button-row">
              <button type="button" className="button" onClick={() => open('receive')}>
                {t('stock.actions.receive')}
              </button>
              <button type="button" className="button" onClick={() => open('adjust')}>
                {t('stock.actions.adjust')}
              </button>
            </div>
          )}
        </PanelToolbar>
        {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
        {action && (
          <form className="inline-form" onSubmit={post} noValidate aria-label={t(`stock.actions.${action}`)}>
            <div className="form-grid">
              <SelectField
                label={t('stock.actions.location')}
                value={form.locationId}
                onChange={(e) => setForm({ ...form, locationId: e.target.value })}
                options={bins}
                error={errors.locationId}
              />
              <TextField
                label={action === 'receive' ? t('stock.actions.quantity') : t('stock.actions.quantityChange')}
                value={form.quantity}
                onChange={(e) => setForm({ ...form, quantity: e.target.value })}
                error={errors.quantity}
                inputMode="numeric"
                autoFocus
              />
              {action === 'receive' ? (
                <TextField
                  label={`${t('stock.actions.unitCost')} (${currency ?? ''})`}
                  value={form.unitCost}
                  onChange={(e) => setForm({ ...form, unitCost: e.target.value })}
                  error={errors.unitCost}
                  inputMode="decimal"
                />
              ) : (
                <SelectField
                  label={t('stock.actions.reason')}
                  value={form.reason}
                  onChange={(e) => setForm({ ...form, reason: e.target.value })}
                  options={ADJUSTMENT_REASONS.map((r) => ({ value: r, label: t(`stock.actions.reasons.${r}`) }))}
                />
              )}
              <TextField
                label={t('stock.actions.note')}
                value={form.note}
                onChange={(e) => setForm({ ...form, note: e.target.value })}
              />
            </div>
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('stock.actions.post')}
              </button>
              <button type="button" className="button" onClick={() => setAction(null)}>
                {t('stock.actions.cancel')}
              </button>
            </div>
          </form>
        )}
        {levels.length === 0 ? (
          <p className="muted">{t('stock.levels.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('stock.levels.location')}</th>
                <th scope="col" className="num">
                  {t('stock.onHand')}
                </th>
                <th scope="col" className="num">
                  {t('stock.reserved')}
                </th>
                <th scope="col" className="num">
                  {t('stock.available')}
                </th>
              </tr>
            </thead>
            <tbody>
              {levels.map((level) => (
                <tr key={level.locationId}>
                  <td className="mono">
                    {level.warehouseCode} / {level.locationCode}
                  </td>
                  <td className="num">{level.onHand}</td>
                  <td className="num">{level.reserved}</td>
                  <td className={level.available < 0 ? 'num is-negative' : 'num'}>{level.available}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" />
                <td className="num">{totals.onHand}</td>
                <td className="num">{totals.reserved}</td>
                <td className="num">{totals.onHand - totals.reserved}</td>
              </tr>
            </tfoot>
          </table>
        )}
        {currency && (
          <p className="muted">
            {t('stock.cost')}: {formatMoney(product.cost, currency, i18n.language)}
          </p>
        )}
      </section>
      <section className="panel" aria-label={t('stock.movements.title')}>
        <h2>{t('stock.movements.title')}</h2>
        {movements.length === 0 ? (
          <p className="muted">{t('stock.movements.none')}</p>
        ) : (
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('stock.movements.at')}</th>
                <th scope="col">{t('stock.movements.kind')}</th>
                <th scope="col">{t('stock.levels.location')}</th>
                <th scope="col" className="num">
                  {t('stock.movements.onHand')}
                </th>
                <th scope="col" className="num">
                  {t('stock.movements.reserved')}
                </th>
                <th scope="col">{t('stock.movements.reason')}</th>
                <th scope="col">{t('stock.movements.user')}</th>
              </tr>
            </thead>
            <tbody>
              {movements.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTimeShort(m.at)}</td>
                  <td>{t(`stock.movements.kinds.${m.kind}`)}</td>
                  <td className="mono">
                    {m.warehouseCode} / {m.locationCode}
                  </td>
                  <td className="num">{signed(m.onHandDelta)}</td>
                  <td className="num">{signed(m.reservedDelta)}</td>
                  <td>
                    {m.reason ? t(`stock.actions.reasons.${m.reason}`, { defaultValue: m.reason }) : (m.note ?? '')}
                  </td>
                  <td>{m.userName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n === 0 ? '' : String(n);
}
