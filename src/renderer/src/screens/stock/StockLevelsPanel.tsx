import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import type { Warehouse } from '../../../../shared/domain/inventory';
import { useApi } from '../../api/ApiContext';
import { DataGrid } from '../../components/DataGrid';
import { go } from '../../components/useHashPath';
import { useDebounced } from '../../components/useDebounced';
import { useServerRows, type PageRequest } from '../../components/useServerRows';
import { warehouseLabel } from '../../components/formatting';

type Row = OutputOf<'stock.overview'>['rows'][number];
const SORTABLE = ['sku', 'name', 'onHand', 'reserved', 'available'] as const;

/** Stock per product in one warehouse or all, with the low-stock filter against reorder points. */
export function StockLevelsPanel() {
  const { t } = useTranslation();
  const { client } = useApi();
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [warehouseId, setWarehouseId] = useState('');
  const [lowStockOnly, setLowStockOnly] = useState(false);
  const [search, setSearch] = useState('');
  const query = useDebounced(search, 200);

  useEffect(() => {
    client.warehouses.list({}).then(setWarehouses, () => setWarehouses([]));
  }, [client]);

  const fetchPage = useCallback(
    ({ offset, limit, sort }: PageRequest) =>
      client.stock.overview({
        warehouseId: warehouseId || undefined,
        search: query || undefined,
        lowStockOnly,
        sortField: SORTABLE.find((f) => f === sort?.colId) ?? 'sku',
        sortDirection: sort?.direction ?? 'asc',
        offset,
        limit,
      }),
    [client, warehouseId, query, lowStockOnly],
  );
  const { total, onGridReady } = useServerRows(fetchPage);

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'sku', headerName: t('stock.sku'), width: 150, sortable: true, cellClass: 'mono' },
      { field: 'name', headerName: t('stock.name'), flex: 2, minWidth: 220, sortable: true },
      { field: 'onHand', headerName: t('stock.onHand'), width: 110, sortable: true, type: 'rightAligned' },
      { field: 'reserved', headerName: t('stock.reserved'), width: 110, sortable: true, type: 'rightAligned' },
      {
        field: 'available',
        headerName: t('stock.available'),
        width: 110,
        sortable: true,
        type: 'rightAligned',
        cellClassRules: { 'is-negative': ({ value }) => typeof value === 'number' && value < 0 },
      },
      { field: 'incoming', headerName: t('stock.incoming'), width: 110, type: 'rightAligned' },
      { field: 'inTransit', headerName: t('stock.inTransit'), width: 110, type: 'rightAligned' },
      { field: 'reorderPoint', headerName: t('stock.reorderPoint'), width: 130, type: 'rightAligned' },
      {
        field: 'low',
        headerName: t('stock.low'),
        width: 100,
        cellRenderer: ({ value }: { value: boolean }) =>
          value ? <span className="badge badge--warn">{t('stock.low')}</span> : null,
      },
    ],
    [t],
  );

  return (
    <section className="grid-panel" aria-label={t('stock.tabs.levels')}>
      <div className="toolbar">
        <input
          type="search"
          className="toolbar__search"
          placeholder={t('stock.search')}
          aria-label={t('stock.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="toolbar__field">
          <span>{t('stock.warehouse')}</span>
          <select value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
            <option value="">{t('stock.allWarehouses')}</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {warehouseLabel(w)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={lowStockOnly} onChange={(e) => setLowStockOnly(e.target.checked)} />
          {t('stock.lowStockOnly')}
        </label>
        <span className="toolbar__spacer" />
        {total !== null && <span className="muted">{t('stock.count', { count: total })}</span>}
      </div>
      <div className="grid-panel__grid">
        <DataGrid<Row>
          rowModelType="infinite"
          cacheBlockSize={100}
          columnDefs={columns}
          getRowId={({ data }) => data.productId}
          onGridReady={onGridReady}
          onRowClicked={({ data }) => data && go('stock', 'products', data.productId)}
          rowClass="grid-row--link"
        />
      </div>
    </section>
  );
}
