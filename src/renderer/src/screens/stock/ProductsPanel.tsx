import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../shared/domain/catalog';
import { formatMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { DataGrid } from '../../components/DataGrid';
import { formatDateTime } from '../../components/formatting';
import { go } from '../../components/useHashPath';
import { useDebounced } from '../../components/useDebounced';
import { useServerRows, type PageRequest } from '../../components/useServerRows';

type Status = 'active' | 'archived' | 'all';
const SORTABLE = { sku: 'sku', name: 'name', unitPrice: 'unitPrice', updatedAt: 'updatedAt' } as const;

/** Every product, a page at a time from the server, searched as a person types (or scans). */
export function ProductsPanel() {
  const { t, i18n } = useTranslation();
  const { client, user, currency } = useApi();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>('active');
  const query = useDebounced(search, 200);
  const mayEdit = user?.role === 'owner' || user?.role === 'manager';

  const fetchPage = useCallback(
    ({ offset, limit, sort }: PageRequest) =>
      client.products.list({
        search: query || undefined,
        status: status === 'all' ? undefined : status,
        sortField: (sort && SORTABLE[sort.colId as keyof typeof SORTABLE]) ?? 'sku',
        sortDirection: sort?.direction ?? 'asc',
        offset,
        limit,
      }),
    [client, query, status],
  );
  const { total, onGridReady } = useServerRows(fetchPage);

  const columns = useMemo<ColDef<Product>[]>(
    () => [
      { field: 'sku', headerName: t('stock.sku'), width: 150, sortable: true, cellClass: 'mono' },
      { field: 'name', headerName: t('stock.name'), flex: 2, minWidth: 220, sortable: true },
      {
        colId: 'options',
        headerName: t('stock.options'),
        flex: 1,
        minWidth: 140,
        valueGetter: ({ data }) =>
          data?.optionValues
            ? Object.entries(data.optionValues)
                .map(([k, v]) => `${k}: ${v}`)
                .join(' · ')
            : '',
      },
      { field: 'barcode', headerName: t('stock.barcode'), width: 150, cellClass: 'mono' },
      {
        field: 'unitPrice',
        headerName: t('stock.price'),
        width: 120,
        sortable: true,
        type: 'rightAligned',
        valueFormatter: ({ value }) =>
          currency && typeof value === 'number' ? formatMoney(value, currency, i18n.language) : '',
      },
      {
        field: 'status',
        headerName: t('stock.status'),
        width: 110,
        valueFormatter: ({ value }) => (value === 'archived' ? t('stock.statusArchived') : t('stock.statusActive')),
      },
      {
        field: 'updatedAt',
        headerName: t('stock.updated'),
        width: 170,
        sortable: true,
        valueFormatter: ({ value }) => formatDateTime(value ?? null),
      },
    ],
    [t, currency, i18n.language],
  );

  return (
    <section className="grid-panel" aria-label={t('stock.tabs.products')}>
      <div className="toolbar">
        <input
          type="search"
          className="toolbar__search"
          placeholder={t('stock.search')}
          aria-label={t('stock.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoFocus
        />
        <label className="toolbar__field">
          <span>{t('stock.status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            <option value="active">{t('stock.statusActive')}</option>
            <option value="archived">{t('stock.statusArchived')}</option>
            <option value="all">{t('stock.statusAll')}</option>
          </select>
        </label>
        <span className="toolbar__spacer" />
        {total !== null && <span className="muted">{t('stock.count', { count: total })}</span>}
        {mayEdit && (
          <button type="button" className="button button--primary" onClick={() => go('stock', 'products', 'new')}>
            {t('stock.newProduct')}
          </button>
        )}
      </div>
      <div className="grid-panel__grid">
        <DataGrid<Product>
          rowModelType="infinite"
          cacheBlockSize={100}
          columnDefs={columns}
          getRowId={({ data }) => data.id}
          onGridReady={onGridReady}
          onRowClicked={({ data }) => data && go('stock', 'products', data.id)}
          rowClass="grid-row--link"
        />
      </div>
    </section>
  );
}
