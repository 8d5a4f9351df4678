import type { ColDef, GridApi, GridReadyEvent, RowSelectionOptions, StateUpdatedEvent } from 'ag-grid-community';
import { Download, Plus, X } from 'lucide-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_SORT_COLUMNS, type OrderSortColumn } from '../../../../shared/domain/order-list';
import {
  FULFILMENT_STATUSES,
  ORDER_CHANNELS,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  type OrderSummary,
} from '../../../../shared/domain/orders';
import { formatMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { DataGrid } from '../../components/DataGrid';
import { errorText } from '../../components/form-errors';
import { formatDateTimeShort } from '../../components/formatting';
import { Notice } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import { useDebounced } from '../../components/useDebounced';
import { go } from '../../components/useHashPath';
import { useServerRows, type PageRequest } from '../../components/useServerRows';
import { PrintButton } from '../printing/PrintButton';
import { ColumnChooser } from './ColumnChooser';
import { CustomerPicker } from './CustomerPicker';
import { exportOrders } from './export-orders';
import { forgetLayout, LAYOUT_PARTS, saveLayout, savedLayout, type GridLayout } from './grid-layout';
import { MultiSelect } from './MultiSelect';
import { isBadAmount, NO_FILTERS, orderQuery, saveFilters, savedFilters, type OrderFilters } from './order-filters';

type Sort = { column: OrderSortColumn; direction: 'asc' | 'desc' };
const DEFAULT_SORT: Sort = { column: 'placedAt', direction: 'desc' };
/** Rows are chosen by their checkboxes for batch printing; the infinite row model has no "select all". */
const SELECTION: RowSelectionOptions = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: false,
  enableClickSelection: false,
};
const SELECTION_COLUMN = 'ag-Grid-SelectionColumn';
const DEFAULT_LAYOUT: GridLayout = { sort: { sortModel: [{ colId: 'placedAt', sort: 'desc' }] } };

function sortOf(sort: PageRequest['sort']): Sort {
  return sort && (ORDER_SORT_COLUMNS as readonly string[]).includes(sort.colId)
    ? { column: sort.colId as OrderSortColumn, direction: sort.direction }
    : DEFAULT_SORT;
}

/** Every order, a page at a time from the server: sorted, filtered and searched there. */
export function OrdersGrid() {
  const { t, i18n } = useTranslation();
  const { client, currency } = useApi();
  const [filters, setFiltersState] = useState<OrderFilters>(savedFilters);
  const [search, setSearch] = useState('');
  const [notice, setNotice] = useState<{ kind: 'error' | 'success' | 'info'; text: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const [layoutKey, setLayoutKey] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [initialState, setInitialState] = useState<GridLayout>(() => savedLayout() ?? DEFAULT_LAYOUT);
  const query = useDebounced(search, 250);
  // Typed amounts wait for the typist too, and a half-typed one ("12.") asks nothing.
  const settled = useDebounced(filters, 250);
  const lastSort = useRef(DEFAULT_SORT);
  const money = currency ?? 'CNY';

  const setFilters = (change: Partial<OrderFilters>) =>
    setFiltersState((current) => {
      const next = { ...current, ...change };
      saveFilters(next);
      return next;
    });

  const fetchPage = useCallback(
    ({ offset, limit, sort }: PageRequest) => {
      lastSort.current = sortOf(sort);
      return client.orders.list({ ...orderQuery(settled, query, lastSort.current, money), offset, limit });
    },
    [client, settled, query, money],
  );
  const { total, onGridReady } = useServerRows(fetchPage);
  const [gridApi, setGridApi] = useState<GridApi<OrderSummary> | null>(null);
  const ready = useCallback(
    (event: GridReadyEvent<OrderSummary>) => {
      setGridApi(event.api);
      onGridReady(event);
    },
    [onGridReady],
  );

  const columns = useMemo<ColDef<OrderSummary>[]>(() => {
    const moneyCell = ({ value, data }: { value: number | undefined; data: OrderSummary | undefined }) =>
      data && typeof value === 'number' ? formatMoney(value, data.currency, i18n.language) : '';
    return [
      { colId: 'number', field: 'number', headerName: t('orders.columns.number'), width: 190, cellClass: 'mono' },
      {
        colId: 'placedAt',
        field: 'placedAt',
        headerName: t('orders.columns.placedAt'),
        width: 150,
        valueFormatter: ({ value }) => (value ? formatDateTimeShort(value) : ''),
      },
      {
        colId: 'customerName',
        field: 'customerName',
        headerName: t('orders.columns.customerName'),
        flex: 1,
        minWidth: 160,
      },
      {
        colId: 'channel',
        field: 'channel',
        headerName: t('orders.columns.channel'),
        width: 100,
        valueFormatter: ({ value }) => (value ? t(`orders.channels.${value}`) : ''),
      },
      {
        colId: 'status',
        field: 'status',
        headerName: t('orders.columns.status'),
        width: 120,
        cellRenderer: ({ value }: { value?: string }) =>
          value ? <StatusBadge status={value} label={t(`orders.statuses.${value}`)} /> : null,
      },
      {
        colId: 'paymentStatus',
        field: 'paymentStatus',
        headerName: t('orders.columns.paymentStatus'),
        width: 130,
        cellRenderer: ({ value }: { value?: string }) =>
          value ? <StatusBadge status={value} label={t(`orders.paymentStatuses.${value}`)} /> : null,
      },
      {
        colId: 'fulfilmentStatus',
        field: 'fulfilmentStatus',
        headerName: t('orders.columns.fulfilmentStatus'),
        width: 130,
        cellRenderer: ({ value }: { value?: string }) =>
          value ? <StatusBadge status={value} label={t(`orders.fulfilmentStatuses.${value}`)} /> : null,
      },
      {
        colId: 'grandTotal',
        field: 'grandTotal',
        headerName: t('orders.columns.grandTotal'),
        width: 120,
        type: 'rightAligned',
        valueFormatter: moneyCell,
      },
      {
        colId: 'paidTotal',
        field: 'paidTotal',
        headerName: t('orders.columns.paidTotal'),
        width: 120,
        type: 'rightAligned',
        sortable: false,
        valueFormatter: moneyCell,
      },
      {
        colId: 'promisedDate',
        field: 'promisedDate',
        headerName: t('orders.columns.promisedDate'),
        width: 120,
        sortable: false,
      },
    ];
  }, [t, i18n.language]);

  const defaultColDef = useMemo<ColDef<OrderSummary>>(
    () => ({ sortable: true, sortingOrder: ['desc', 'asc'], resizable: true }),
    [],
  );
  async function runExport() {
    setExporting(true);
    setNotice({ kind: 'info', text: t('orders.exporting') });
    try {
      // What is on screen now, not the debounced filter the grid may not have caught up with.
      const file = await exportOrders(orderQuery(filters, search, lastSort.current, money));
      setNotice(file ? { kind: 'success', text: t('orders.exported', { file }) } : null);
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setExporting(false);
    }
  }

  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  return (
    <section className="grid-panel" aria-label={t('orders.tabs.list')}>
      <div className="toolbar">
        <input
          type="search"
          className="toolbar__search"
          placeholder={t('orders.search')}
          aria-label={t('orders.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoFocus
        />
        {filters.customer ? (
          <span className="chip-filter">
            {t('orders.filters.customer')}: <strong>{filters.customer.name}</strong>
            <button
              type="button"
              className="button button--ghost button--small"
              aria-label={`${t('orders.filters.clear')}: ${filters.customer.name}`}
              onClick={() => setFilters({ customer: null })}
            >
              <X size={12} aria-hidden="true" />
            </button>
          </span>
        ) : (
          <CustomerPicker
            label={t('orders.filters.customer')}
            onPick={(customer) => setFilters({ customer: { id: customer.id, name: customer.name } })}
          />
        )}
        <span className="toolbar__spacer" />
        {total !== null && <span className="muted">{t('orders.count', { count: total })}</span>}
        {selected.length > 0 && (
          <PrintButton
            kinds={['packing-slip', 'invoice']}
            ids={selected}
            label={t('printing.printSlips', { count: selected.length })}
            title={t('printing.selectedOrders', { count: selected.length })}
          />
        )}
        <button type="button" className="button" onClick={() => void runExport()} disabled={exporting}>
          <Download size={14} aria-hidden="true" />
          {t('orders.export')}
        </button>
        <ColumnChooser
          api={gridApi}
          onReset={() => {
            forgetLayout();
            setInitialState(DEFAULT_LAYOUT);
            // A new key mounts a new grid, which reads its initial state again.
            setLayoutKey((key) => key + 1);
          }}
        />
        <button type="button" className="button button--primary" onClick={() => go('orders', 'new')}>
          <Plus size={14} aria-hidden="true" />
          {t('orders.newOrder')}
        </button>
      </div>
      <div className="toolbar order-filters" role="group" aria-label={t('orders.filters.title')}>
        <MultiSelect
          label={t('orders.filters.status')}
          options={ORDER_STATUSES}
          labelOf={(value) => t(`orders.statuses.${value}`)}
          selected={filters.status}
          onChange={(status) => setFilters({ status })}
        />
        <MultiSelect
          label={t('orders.filters.paymentStatus')}
          options={PAYMENT_STATUSES}
          labelOf={(value) => t(`orders.paymentStatuses.${value}`)}
          selected={filters.paymentStatus}
          onChange={(paymentStatus) => setFilters({ paymentStatus })}
        />
        <MultiSelect
          label={t('orders.filters.fulfilmentStatus')}
          options={FULFILMENT_STATUSES}
          labelOf={(value) => t(`orders.fulfilmentStatuses.${value}`)}
          selected={filters.fulfilmentStatus}
          onChange={(fulfilmentStatus) => setFilters({ fulfilmentStatus })}
        />
        <MultiSelect
          label={t('orders.filters.channel')}
          options={ORDER_CHANNELS}
          labelOf={(value) => t(`orders.channels.${value}`)}
          selected={filters.channel}
          onChange={(channel) => setFilters({ channel })}
        />
        <span className="toolbar__field">
          <span>{t('orders.filters.placed')}</span>
          <input
            type="date"
            className="input--date"
            aria-label={t('orders.filters.from')}
            value={filters.from}
            onChange={(e) => setFilters({ from: e.target.value })}
          />
          –
          <input
            type="date"
            className="input--date"
            aria-label={t('orders.filters.to')}
            value={filters.to}
            onChange={(e) => setFilters({ to: e.target.value })}
          />
        </span>
        <span className="toolbar__field">
          <span>{t('orders.filters.total')}</span>
          <input
            className="input--amount"
            inputMode="decimal"
            aria-label={t('orders.filters.minTotal')}
            value={filters.minTotal}
            aria-invalid={isBadAmount(filters.minTotal, money) || undefined}
            onChange={(e) => setFilters({ minTotal: e.target.value })}
          />
          –
          <input
            className="input--amount"
            inputMode="decimal"
            aria-label={t('orders.filters.maxTotal')}
            value={filters.maxTotal}
            aria-invalid={isBadAmount(filters.maxTotal, money) || undefined}
            onChange={(e) => setFilters({ maxTotal: e.target.value })}
          />
        </span>
        {filtered && (
          <button type="button" className="button button--ghost" onClick={() => setFilters(NO_FILTERS)}>
            {t('orders.filters.clear')}
          </button>
        )}
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <div className="grid-panel__grid">
        <DataGrid<OrderSummary>
          key={layoutKey}
          rowModelType="infinite"
          cacheBlockSize={100}
          maxBlocksInCache={60}
          maxConcurrentDatasourceRequests={2}
          blockLoadDebounceMillis={80}
          columnDefs={columns}
          defaultColDef={defaultColDef}
          initialState={initialState}
          onStateUpdated={(event: StateUpdatedEvent<OrderSummary>) => {
            if (event.sources.some((source) => (LAYOUT_PARTS as readonly string[]).includes(source)))
              saveLayout(event.state);
          }}
          getRowId={({ data }) => data.id}
          onGridReady={ready}
          rowSelection={SELECTION}
          onSelectionChanged={({ api }) => setSelected(api.getSelectedRows().map((row) => row.id))}
          // A click on a row opens the order, except on its checkbox, which selects it for printing.
          onCellClicked={({ data, column }) => data && column.getColId() !== SELECTION_COLUMN && go('orders', data.id)}
          rowClass="grid-row--link"
        />
      </div>
    </section>
  );
}
