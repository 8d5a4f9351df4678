import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import type { PurchaseOrder } from '../../../../shared/contract/purchasing';
import type { ReplenishmentSettings } from '../../../../shared/domain/forecasts';
import type { Warehouse } from '../../../../shared/domain/inventory';
import { formatMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { DataGrid } from '../../components/DataGrid';
import { errorText } from '../../components/form-errors';
import { warehouseLabel } from '../../components/formatting';
import { Notice } from '../../components/Notice';
import { PolicyForm } from './PolicyForm';

type Suggestion = OutputOf<'forecasts.suggestions'>[number];
type Row = Suggestion & { key: string; accepted: boolean; quantity: number };

const keyOf = (s: Suggestion) => `${s.productId}|${s.warehouseId}`;
const whole = ({ value }: { value: number | null | undefined }) =>
  typeof value === 'number' ? String(Math.round(value)) : '—';
const oneDecimal = ({ value }: { value: number | null | undefined }) =>
  typeof value === 'number' ? value.toFixed(1) : '—';

/**
 * Reorder suggestions per product × warehouse. Every suggestion that can be ordered
 * (it has a supplier) starts accepted; the quantity can be changed; one button turns
 * the accepted ones into draft purchase orders, one per supplier and warehouse.
 */
export function ReorderPanel() {
  const { t, i18n } = useTranslation();
  const { client, user, currency } = useApi();
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [warehouseId, setWarehouseId] = useState('');
  const [onlyToOrder, setOnlyToOrder] = useState(true);
  const [policy, setPolicy] = useState<ReplenishmentSettings | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<PurchaseOrder[]>([]);
  const [editingPolicy, setEditingPolicy] = useState(false);
  const mayOrder = user?.role === 'owner' || user?.role === 'manager';

  const load = useCallback(() => {
    client.forecasts.suggestions({ warehouseId: warehouseId || undefined, onlyToOrder }).then(
      (suggestions) =>
        setRows(
          suggestions.map((s) => ({
            ...s,
            key: keyOf(s),
            accepted: s.supplierId !== null && s.suggested > 0,
            quantity: s.suggested,
          })),
        ),
      (e: unknown) => setError(errorText(e, t)),
    );
  }, [client, warehouseId, onlyToOrder, t]);
  useEffect(load, [load]);

  useEffect(() => {
    client.warehouses.list({}).then(setWarehouses, () => setWarehouses([]));
    client.forecasts.settings({}).then(setPolicy, () => setPolicy(null));
  }, [client]);

  const update = useCallback((key: string, change: Partial<Row>) => {
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, ...change } : row)) ?? null);
  }, []);

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      {
        colId: 'accept',
        headerName: t('forecasts.reorder.columns.accept'),
        width: 80,
        pinned: 'left',
        cellRenderer: ({ data }: { data?: Row }) =>
          data ? (
            <input
              type="checkbox"
              aria-label={`${t('forecasts.reorder.columns.accept')} ${data.sku} ${data.warehouseCode}`}
              checked={data.accepted}
              disabled={data.supplierId === null || !mayOrder}
              onChange={(e) => update(data.key, { accepted: e.target.checked })}
            />
          ) : null,
      },
      { field: 'sku', headerName: t('forecasts.reorder.columns.sku'), width: 140, cellClass: 'mono', pinned: 'left' },
      { field: 'name', headerName: t('forecasts.reorder.columns.name'), width: 220 },
      { field: 'warehouseCode', headerName: t('forecasts.reorder.columns.warehouse'), width: 100 },
      {
        field: 'supplierName',
        headerName: t('forecasts.reorder.columns.supplier'),
        width: 150,
        valueFormatter: ({ value }) => value ?? t('forecasts.reorder.noSupplier'),
      },
      { field: 'leadTimeDays', headerName: t('forecasts.reorder.columns.leadTime'), width: 120, type: 'rightAligned' },
      { field: 'onHand', headerName: t('forecasts.reorder.columns.onHand'), width: 90, type: 'rightAligned' },
      { field: 'onOrder', headerName: t('forecasts.reorder.columns.onOrder'), width: 90, type: 'rightAligned' },
      { field: 'reserved', headerName: t('forecasts.reorder.columns.reserved'), width: 90, type: 'rightAligned' },
      {
        field: 'leadTimeDemand',
        headerName: t('forecasts.reorder.columns.leadTimeDemand'),
        width: 130,
        type: 'rightAligned',
        valueFormatter: oneDecimal,
      },
      {
        field: 'safetyStock',
        headerName: t('forecasts.reorder.columns.safetyStock'),
        width: 110,
        type: 'rightAligned',
        valueFormatter: oneDecimal,
      },
      {
        field: 'reorderPoint',
        headerName: t('forecasts.reorder.columns.reorderPoint'),
        width: 110,
        type: 'rightAligned',
      },
      {
        field: 'economicOrderQuantity',
        headerName: t('forecasts.reorder.columns.eoq'),
        width: 90,
        type: 'rightAligned',
        valueFormatter: whole,
      },
      { field: 'orderUpTo', headerName: t('forecasts.reorder.columns.orderUpTo'), width: 110, type: 'rightAligned' },
      {
        field: 'quantity',
        headerName: t('forecasts.reorder.columns.suggested'),
        width: 100,
        pinned: 'right',
        type: 'rightAligned',
        editable: ({ data }) => Boolean(data?.supplierId) && mayOrder,
        cellEditor: 'agNumberCellEditor',
        cellEditorParams: { min: 1, precision: 0 },
      },
    ],
    [t, update, mayOrder],
  );

  const accepted = rows?.filter((row) => row.accepted && row.quantity > 0) ?? [];

  async function createOrders() {
    setBusy(true);
    setError(null);
    try {
      const orders = await client.forecasts.createPurchaseOrders({
        lines: accepted.map((row) => ({
          productId: row.productId,
          warehouseId: row.warehouseId,
          quantity: row.quantity,
        })),
      });
      setCreated(orders);
      load();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="grid-panel" aria-label={t('forecasts.tabs.reorder')}>
      <div className="toolbar">
        <label className="toolbar__field">
          <span>{t('forecasts.scope')}</span>
          <select value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
            <option value="">{t('forecasts.allWarehouses')}</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {warehouseLabel(w)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={onlyToOrder} onChange={(e) => setOnlyToOrder(e.target.checked)} />
          {t('forecasts.reorder.onlyToOrder')}
        </label>
        <span className="toolbar__spacer" />
        <span className="muted">{t('forecasts.reorder.selected', { count: accepted.length })}</span>
        {mayOrder && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy || accepted.length === 0}
            onClick={() => void createOrders()}
          >
            {t('forecasts.reorder.create')}
          </button>
        )}
      </div>
      {policy && (
        <p className="muted forecast-run__line">
          {t('forecasts.reorder.policy', {
            level: policy.serviceLevelPercent,
            cost: currency ? formatMoney(policy.orderingCost, currency, i18n.language) : policy.orderingCost,
            rate: policy.holdingRatePercent,
            bucket: t(`forecasts.buckets.${policy.bucket}`),
          })}
          {mayOrder && (
            <>
              {' '}
              <button type="button" className="button button--ghost" onClick={() => setEditingPolicy((open) => !open)}>
                {t('forecasts.reorder.editPolicy')}
              </button>
            </>
          )}
        </p>
      )}
      {policy && editingPolicy && (
        <PolicyForm
          policy={policy}
          onSaved={(next) => {
            setPolicy(next);
            setEditingPolicy(false);
            load();
          }}
        />
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {created.length > 0 && (
        <Notice kind="success">
          {t('forecasts.reorder.created')}
          {created.map((po, i) => (
            <span key={po.id}>
              {i > 0 ? ', ' : ' '}
              <a href={`#/stock/purchaseOrders/${encodeURIComponent(po.id)}`}>{po.number}</a>
            </span>
          ))}
        </Notice>
      )}
      {rows && rows.length === 0 && <p className="muted">{t('forecasts.reorder.none')}</p>}
      <div className="grid-panel__grid">
        <DataGrid<Row>
          rowData={rows}
          columnDefs={columns}
          getRowId={({ data }) => data.key}
          onCellValueChanged={({ data, colDef }) => {
            if (colDef.field === 'quantity' && data)
              update(data.key, { quantity: Math.max(0, Math.round(Number(data.quantity) || 0)) });
          }}
        />
      </div>
    </section>
  );
}
