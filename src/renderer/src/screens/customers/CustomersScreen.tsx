import type { ColDef, GridApi, IDatasource } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customers';
import { useApi } from '../../api/ApiContext';
import { DataGrid } from '../../components/DataGrid';
import { go, useHashPath } from '../../components/useHashPath';
import { useDebounced } from '../../components/useDebounced';
import { CustomerDetail } from './CustomerDetail';

/** #/customers, and #/customers/<id> (or /new) for one customer. */
export function CustomersScreen() {
  const [, id] = useHashPath();
  return id ? <CustomerDetail key={id} customerId={id === 'new' ? null : id} /> : <CustomersList />;
}

function CustomersList() {
  const { t } = useTranslation();
  const { client } = useApi();
  const [search, setSearch] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const query = useDebounced(search, 200);
  const grid = useRef<GridApi<Customer> | null>(null);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        client.customers
          .list({ search: query || undefined, offset: params.startRow, limit: params.endRow - params.startRow })
          .then(
            (page) => {
              setTotal(page.total);
              params.successCallback(page.rows, page.total);
            },
            () => params.failCallback(),
          );
      },
    }),
    [client, query],
  );
  useEffect(() => {
    grid.current?.setGridOption('datasource', datasource);
  }, [datasource]);
  const onReady = useCallback(
    (api: GridApi<Customer>) => {
      grid.current = api;
      api.setGridOption('datasource', datasource);
    },
    [datasource],
  );

  const columns = useMemo<ColDef<Customer>[]>(
    () => [
      {
        field: 'name',
        headerName: t('customers.name'),
        flex: 2,
        minWidth: 200,
        valueFormatter: ({ data, value }) => (data?.isWalkIn ? t('customers.walkIn') : (value ?? '')),
      },
      { field: 'phone', headerName: t('customers.phone'), width: 170, cellClass: 'mono' },
      { field: 'email', headerName: t('customers.email'), flex: 1, minWidth: 200 },
      {
        field: 'tags',
        headerName: t('customers.tags'),
        flex: 1,
        minWidth: 160,
        valueFormatter: ({ value }) => (value ?? []).join(', '),
      },
    ],
    [t],
  );

  return (
    <section className="grid-panel" aria-label={t('nav.customers')}>
      <div className="toolbar">
        <input
          type="search"
          className="toolbar__search"
          placeholder={t('customers.search')}
          aria-label={t('customers.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoFocus
        />
        <span className="toolbar__spacer" />
        {total !== null && <span className="muted">{t('customers.count', { count: total })}</span>}
        <button type="button" className="button button--primary" onClick={() => go('customers', 'new')}>
          {t('customers.new')}
        </button>
      </div>
      <div className="grid-panel__grid">
        <DataGrid<Customer>
          rowModelType="infinite"
          cacheBlockSize={100}
          columnDefs={columns}
          getRowId={({ data }) => data.id}
          onGridReady={({ api }) => onReady(api)}
          onRowClicked={({ data }) => data && go('customers', data.id)}
          rowClass="grid-row--link"
        />
      </div>
    </section>
  );
}
