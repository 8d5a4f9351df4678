import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../../shared/contract';
import type { Product, Supplier } from '../../../../../shared/domain/catalog';
import type { Warehouse } from '../../../../../shared/domain/inventory';
import { formatMoney, moneyInputValue, parseMoney } from '../../../../../shared/money';
import { useApi } from '../../../api/ApiContext';
import { SelectField, TextField } from '../../../components/Field';
import { errorText } from '../../../components/form-errors';
import { formatDateTime, warehouseLabel } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { StatusBadge } from '../../../components/StatusBadge';
import { PanelToolbar } from '../../../components/PanelToolbar';
import { ProductCodeInput } from '../../../components/ProductCodeInput';
import { go } from '../../../components/useHashPath';

type Row = OutputOf<'purchaseOrders.list'>[number];
type Line = { product: Product; quantity: string; unitCost: string };

/** Purchase orders, and the form for a new one. */
export function PurchaseOrdersPanel() {
  const { t, i18n } = useTranslation();
  const { client, user, currency } = useApi();
  const [orders, setOrders] = useState<Row[]>([]);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const mayCreate = user?.role === 'owner' || user?.role === 'manager';

  const reload = useCallback(() => {
    client.purchaseOrders.list({}).then(setOrders, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, t]);
  useEffect(reload, [reload]);

  return (
    <section className="panel" aria-label={t('stock.purchaseOrders.title')}>
      <PanelToolbar
        title={t('stock.purchaseOrders.title')}
        action={
          mayCreate
            ? { label: t('stock.purchaseOrders.new'), onClick: () => setCreating(true), disabled: creating }
            : undefined
        }
      />
      {failure && <Notice kind="error">{failure}</Notice>}
      {creating && currency && <NewPurchaseOrder currency={currency} onDone={() => setCreating(false)} />}
      {orders.length === 0 ? (
        <p className="muted">{t('stock.purchaseOrders.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('stock.purchaseOrders.number')}</th>
              <th scope="col">{t('stock.purchaseOrders.supplier')}</th>
              <th scope="col">{t('stock.purchaseOrders.warehouse')}</th>
              <th scope="col">{t('stock.purchaseOrders.status')}</th>
              <th scope="col">{t('stock.purchaseOrders.expectedOn')}</th>
              <th scope="col" className="num">
                {t('stock.purchaseOrders.total')}
              </th>
              <th scope="col">{t('stock.purchaseOrders.created')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((po) => (
              <tr key={po.id} className="is-link" onClick={() => go('stock', 'purchaseOrders', po.id)}>
                <td className="mono">
                  <a href={`#/stock/purchaseOrders/${po.id}`}>{po.number}</a>
                </td>
                <td>{po.supplierName}</td>
                <td className="mono">{po.warehouseCode}</td>
                <td>
                  <StatusBadge status={po.status} label={t(`stock.purchaseOrders.statuses.${po.status}`)} />
                </td>
                <td>{po.expectedOn ?? ''}</td>
                <td className="num">{currency ? formatMoney(po.totalCost, currency, i18n.language) : ''}</td>
                <td>{formatDateTime(po.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewPurchaseOrder({ currency, onDone }: { currency: string; onDone(): void }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [suppliers, setSuppliers] = useState<Supplier[]>([]);
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [supplierId, setSupplierId] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const [expectedOn, setExpectedOn] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    client.suppliers.list({}).then((list) => {
      const active = list.filter((s) => s.active);
      setSuppliers(active);
      setSupplierId((id) => id || active[0]?.id || '');
    });
    client.warehouses.list({}).then((list) => {
      const active = list.filter((w) => w.active);
      setWarehouses(active);
      setWarehouseId((id) => id || active[0]?.id || '');
    });
  }, [client]);

  function add(product: Product) {
    setLines((current) =>
      current.some((l) => l.product.id === product.id)
        ? current
        : [...current, { product, quantity: '1', unitCost: moneyInputValue(product.cost, currency) }],
    );
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const parsed = lines.map((l) => ({
      productId: l.product.id,
      quantity: Number(l.quantity),
      unitCost: parseMoney(l.unitCost, currency),
    }));
    if (parsed.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1 || l.unitCost === null)) {
      setFailure(t('errors.VALIDATION'));
      return;
    }
    try {
      const po = await client.purchaseOrders.create({
        supplierId,
        warehouseId,
        expectedOn: expectedOn || null,
        lines: parsed.map((l) => ({ ...l, unitCost: l.unitCost as number })),
      });
      onDone();
      go('stock', 'purchaseOrders', po.id);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  return (
    <form className="inline-form" onSubmit={create} noValidate aria-label={t('stock.purchaseOrders.new')}>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="form-grid form-grid--3">
        <SelectField
          label={t('stock.purchaseOrders.supplier')}
          value={supplierId}
          onChange={(e) => setSupplierId(e.target.value)}
          options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          label={t('stock.purchaseOrders.warehouse')}
          value={warehouseId}
          onChange={(e) => setWarehouseId(e.target.value)}
          options={warehouses.map((w) => ({ value: w.id, label: warehouseLabel(w) }))}
        />
        <TextField
          label={t('stock.purchaseOrders.expectedOn')}
          type="date"
          value={expectedOn}
          onChange={(e) => setExpectedOn(e.target.value)}
        />
      </div>
      <h3 className="card__subtitle">{t('stock.purchaseOrders.lines')}</h3>
      <ProductCodeInput label={t('stock.purchaseOrders.addLine')} onProduct={add} />
      {lines.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('stock.sku')}</th>
              <th scope="col">{t('stock.name')}</th>
              <th scope="col">{t('stock.purchaseOrders.quantity')}</th>
              <th scope="col">{`${t('stock.purchaseOrders.unitCost')} (${currency})`}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <tr key={line.product.id}>
                <td className="mono">{line.product.sku}</td>
                <td>{line.product.name}</td>
                <td>
                  <input
                    aria-label={`${t('stock.purchaseOrders.quantity')} ${line.product.sku}`}
                    className="input--narrow"
                    inputMode="numeric"
                    value={line.quantity}
                    onChange={(e) => setLines(lines.map((l, j) => (j === i ? { ...l, quantity: e.target.value } : l)))}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${t('stock.purchaseOrders.unitCost')} ${line.product.sku}`}
                    className="input--narrow"
                    inputMode="decimal"
                    value={line.unitCost}
                    onChange={(e) => setLines(lines.map((l, j) => (j === i ? { ...l, unitCost: e.target.value } : l)))}
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
        <button
          type="submit"
          className="button button--primary"
          disabled={lines.length === 0 || !supplierId || !warehouseId}
        >
          {t('stock.purchaseOrders.create')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('users.cancel')}
        </button>
      </div>
    </form>
  );
}
