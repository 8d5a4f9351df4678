import type { ColDef } from 'ag-grid-community';
import { Upload } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHIPMENT_SORT_COLUMNS, type ShipmentSummary } from '../../../../../shared/contract/shipments';
import {
  SHIPMENT_STAGES,
  TRACKING_STATUSES,
  type ShipmentStage,
  type TrackingStatus,
} from '../../../../../shared/domain/shipments';
import { useApi } from '../../../api/ApiContext';
import { DataGrid } from '../../../components/DataGrid';
import { formatDateTimeShort } from '../../../components/formatting';
import { StatusBadge } from '../../../components/StatusBadge';
import { useDebounced } from '../../../components/useDebounced';
import { go } from '../../../components/useHashPath';
import { useServerRows, type PageRequest } from '../../../components/useServerRows';
import { TrackingLink } from './TrackingLink';

type SortColumn = (typeof SHIPMENT_SORT_COLUMNS)[number];

/** Every parcel, a page at a time from the server: searched by tracking, shipment or order number; late ones flagged. */
export function ShipmentsGrid() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [search, setSearch] = useState('');
  const [lateOnly, setLateOnly] = useState(false);
  const [stage, setStage] = useState<ShipmentStage | ''>('');
  const [trackingStatus, setTrackingStatus] = useState<TrackingStatus | ''>('');
  const query = useDebounced(search, 250);

  const fetchPage = useCallback(
    ({ offset, limit, sort }: PageRequest) => {
      const column = sort && (SHIPMENT_SORT_COLUMNS as readonly string[]).includes(sort.colId) ? sort : null;
      return client.shipments.list({
        offset,
        limit,
        sort: (column?.colId as SortColumn | undefined) ?? 'createdAt',
        direction: column?.direction ?? 'desc',
        ...(query.trim() ? { q: query.trim() } : {}),
        ...(lateOnly ? { late: true } : {}),
        ...(stage ? { stage } : {}),
        ...(trackingStatus ? { trackingStatus } : {}),
      });
    },
    [client, query, lateOnly, stage, trackingStatus],
  );
  const { total, onGridReady } = useServerRows(fetchPage);

  const columns = useMemo<ColDef<ShipmentSummary>[]>(
    () => [
      {
        colId: 'number',
        field: 'number',
        headerName: t('shipments.columns.number'),
        width: 160,
        cellClass: 'mono',
        cellRenderer: ({ data }: { data?: ShipmentSummary }) =>
          data ? <a href={`#/shipments/${data.id}`}>{data.number}</a> : null,
      },
      {
        colId: 'order',
        field: 'orderNumber',
        headerName: t('shipments.columns.order'),
        width: 170,
        sortable: false,
        cellClass: 'mono',
        cellRenderer: ({ data }: { data?: ShipmentSummary }) =>
          data ? <a href={`#/orders/${data.orderId}`}>{data.orderNumber}</a> : null,
      },
      {
        colId: 'customer',
        field: 'customerName',
        headerName: t('shipments.columns.customer'),
        flex: 1,
        minWidth: 120,
        sortable: false,
      },
      {
        colId: 'carrier',
        headerName: t('shipments.columns.carrier'),
        width: 170,
        sortable: false,
        valueGetter: ({ data }) => (data ? [data.carrierName, data.serviceName].filter(Boolean).join(' · ') : ''),
      },
      {
        colId: 'trackingNumber',
        field: 'trackingNumber',
        headerName: t('shipments.columns.trackingNumber'),
        width: 175,
        sortable: false,
        cellRenderer: ({ data }: { data?: ShipmentSummary }) =>
          data ? <TrackingLink number={data.trackingNumber} url={data.trackingUrl} /> : null,
      },
      {
        colId: 'stage',
        field: 'stage',
        headerName: t('shipments.columns.stage'),
        width: 90,
        sortable: false,
        cellRenderer: ({ value }: { value?: ShipmentStage }) =>
          value ? <StatusBadge status={value} label={t(`shipments.stages.${value}`)} /> : null,
      },
      {
        colId: 'trackingStatus',
        field: 'trackingStatus',
        headerName: t('shipments.columns.trackingStatus'),
        width: 125,
        sortable: false,
        // A voided parcel's last word from the carrier no longer says where anything is.
        cellRenderer: ({ value, data }: { value?: TrackingStatus | null; data?: ShipmentSummary }) =>
          value && data?.stage !== 'cancelled' ? (
            <StatusBadge status={`track-${value}`} label={t(`shipments.statuses.${value}`)} />
          ) : null,
      },
      {
        colId: 'late',
        field: 'late',
        headerName: t('shipments.columns.late'),
        width: 70,
        sortable: false,
        cellRenderer: ({ value }: { value?: boolean }) =>
          value ? <StatusBadge status="late" label={t('shipments.late')} /> : null,
      },
      { colId: 'promisedDate', field: 'promisedDate', headerName: t('shipments.columns.promisedDate'), width: 110 },
      {
        colId: 'shippedAt',
        field: 'shippedAt',
        headerName: t('shipments.columns.shippedAt'),
        width: 140,
        valueFormatter: ({ value }) => (value ? formatDateTimeShort(value as string) : ''),
      },
      {
        colId: 'units',
        field: 'units',
        headerName: t('shipments.columns.units'),
        width: 80,
        type: 'rightAligned',
        sortable: false,
      },
    ],
    [t],
  );
  const defaultColDef = useMemo<ColDef<ShipmentSummary>>(
    () => ({ sortable: true, sortingOrder: ['desc', 'asc'], resizable: true }),
    [],
  );

  return (
    <section className="grid-panel" aria-label={t('shipping.tabs.list')}>
      <div className="toolbar">
        <input
          type="search"
          className="toolbar__search"
          placeholder={t('shipments.search')}
          aria-label={t('shipments.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoFocus
        />
        <select
          aria-label={t('shipments.stageFilter')}
          value={stage}
          onChange={(e) => setStage(e.target.value as ShipmentStage | '')}
        >
          <option value="">{t('shipments.anyStage')}</option>
          {SHIPMENT_STAGES.map((value) => (
            <option key={value} value={value}>
              {t(`shipments.stages.${value}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('shipments.statusFilter')}
          value={trackingStatus}
          onChange={(e) => setTrackingStatus(e.target.value as TrackingStatus | '')}
        >
          <option value="">{t('shipments.anyStatus')}</option>
          {TRACKING_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`shipments.statuses.${value}`)}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)} />
          {t('shipments.lateOnly')}
        </label>
        <span className="toolbar__spacer" />
        <span className="muted">{total !== null && t('shipments.count', { count: total })}</span>
        {user?.role !== 'clerk' && (
          <button type="button" className="button" onClick={() => go('shipments', 'import')}>
            <Upload size={14} aria-hidden="true" />
            {t('shipments.importFile')}
          </button>
        )}
      </div>
      <div className="grid-panel__grid">
        <DataGrid<ShipmentSummary>
          columnDefs={columns}
          defaultColDef={defaultColDef}
          rowModelType="infinite"
          cacheBlockSize={100}
          onGridReady={onGridReady}
          getRowId={({ data }) => data.id}
          onRowDoubleClicked={({ data }) => data && go('shipments', data.id)}
        />
      </div>
    </section>
  );
}
