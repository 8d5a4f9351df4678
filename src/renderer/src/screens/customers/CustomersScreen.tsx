import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customers';
import { useApi } from '../../api/ApiContext';
import { DataGrid } from '../../components/DataGrid';
import { go, useHashPath } from '../../components/useHashPath';
import { useDebounced } from '../../components/useDebounced';
import { useServerRows, type PageRequest } from '../../components/useServerRows';
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
  const query = useDebounced(search, 200);

  const fetchPage = useCallback(
    ({ offset, limit }: PageRequest) => client.customers.list({ search: query || undefined, offset, limit }),
    [client, query],
  );
  const { total, onGridReady } = useServerRows(fetchPage);

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
          onGridReady={onGridReady}
          onRowClicked={({ data }) => data && go('customers', data.id)}
          rowClass="grid-row--link"
        />
      </div>
    </section>
  );
}
