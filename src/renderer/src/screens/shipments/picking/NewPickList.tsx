import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickableOrder } from '../../../../../shared/domain/picking';
import type { Warehouse } from '../../../../../shared/domain/inventory';
import { useApi } from '../../../api/ApiContext';
import { SelectField } from '../../../components/Field';
import { errorText } from '../../../components/form-errors';
import { formatDateTimeShort, warehouseLabel } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';

/** Choosing the orders of one warehouse that one walk will pick. */
export function NewPickList({ onCancel, onCreated }: { onCancel(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [warehouseId, setWarehouseId] = useState('');
  const [orders, setOrders] = useState<PickableOrder[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    client.warehouses.list({}).then((list) => {
      const active = list.filter((w) => w.active);
      setWarehouses(active);
      setWarehouseId((id) => id || active[0]?.id || '');
    });
  }, [client]);

  useEffect(() => {
    if (!warehouseId) return;
    client.pickLists.pickable({ warehouseId }).then(setOrders, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, warehouseId, t]);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      // Totes follow the list's order (oldest first), whatever order the boxes were ticked in.
      const inListOrder = (orders ?? []).filter((o) => chosen.includes(o.id)).map((o) => o.id);
      const list = await client.pickLists.create({ orders: inListOrder });
      onCreated(list.id);
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  const all = orders !== null && orders.length > 0 && chosen.length === orders.length;
  return (
    <form className="inline-form" onSubmit={create} noValidate aria-label={t('picking.create.title')}>
      <h3>{t('picking.create.title')}</h3>
      <p className="muted">{t('picking.create.intro')}</p>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="form-grid">
        <SelectField
          label={t('picking.create.warehouse')}
          value={warehouseId}
          onChange={(e) => {
            setWarehouseId(e.target.value);
            setChosen([]);
          }}
          options={warehouses.map((w) => ({ value: w.id, label: warehouseLabel(w) }))}
        />
      </div>
      {orders && orders.length === 0 && <p className="muted">{t('picking.create.none')}</p>}
      {orders && orders.length > 0 && (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('picking.create.selectAll')}
                  checked={all}
                  onChange={(e) => setChosen(e.target.checked ? orders.map((o) => o.id) : [])}
                />
              </th>
              <th scope="col">{t('picking.create.order')}</th>
              <th scope="col">{t('picking.create.customer')}</th>
              <th scope="col">{t('picking.create.placed')}</th>
              <th scope="col">{t('picking.create.promised')}</th>
              <th scope="col" className="num">
                {t('picking.create.units')}
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('picking.create.select', { number: order.number })}
                    checked={chosen.includes(order.id)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, order.id] : chosen.filter((id) => id !== order.id))
                    }
                  />
                </td>
                <td className="mono">{order.number}</td>
                <td>{order.customerName}</td>
                <td>{formatDateTimeShort(order.placedAt)}</td>
                <td>{order.promisedDate ?? ''}</td>
                <td className="num">{order.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={chosen.length === 0}>
          {t('picking.create.submit', { count: chosen.length })}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('picking.create.cancel')}
        </button>
      </div>
    </form>
  );
}
