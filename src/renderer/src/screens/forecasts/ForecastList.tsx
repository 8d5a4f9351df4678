import type { ColDef } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { DEMAND_BUCKETS, type DemandBucket } from '../../../../shared/domain/forecasts';
import type { Warehouse } from '../../../../shared/domain/inventory';
import { useApi } from '../../api/ApiContext';
import { DataGrid } from '../../components/DataGrid';
import { errorText } from '../../components/form-errors';
import { formatDateTimeShort, warehouseLabel } from '../../components/formatting';
import { Notice } from '../../components/Notice';
import { go } from '../../components/useHashPath';
import { RunStatus } from './RunStatus';
import { useForecastRun } from './useForecastRun';

type Row = OutputOf<'forecasts.list'>[number];

const oneDecimal = ({ value }: { value: number | null | undefined }) =>
  typeof value === 'number' ? value.toFixed(1) : '—';

/** Stored forecasts by product for one warehouse (or all) and bucket size, with the run button. */
export function ForecastList({ scope, bucket }: { scope: string; bucket: DemandBucket }) {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mayRun = user?.role === 'owner' || user?.role === 'manager';

  const load = useCallback(() => {
    client.forecasts.list({ scope, bucket }).then(setRows, (e: unknown) => setError(errorText(e, t)));
  }, [client, scope, bucket, t]);
  useEffect(load, [load]);
  const { run, start, cancel } = useForecastRun(load);

  useEffect(() => {
    client.warehouses.list({}).then(setWarehouses, () => setWarehouses([]));
  }, [client]);

  const act = (action: () => Promise<void>) => {
    setError(null);
    action().catch((e: unknown) => setError(errorText(e, t)));
  };

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'sku', headerName: t('forecasts.columns.sku'), width: 150, sortable: true, cellClass: 'mono' },
      {
        field: 'name',
        headerName: t('forecasts.columns.name'),
        flex: 2,
        minWidth: 180,
        sortable: true,
        tooltipField: 'name',
      },
      {
        field: 'method',
        headerName: t('forecasts.columns.method'),
        width: 200,
        sortable: true,
        tooltipField: 'method',
      },
      {
        field: 'next30',
        headerName: t('forecasts.columns.next30'),
        width: 120,
        sortable: true,
        type: 'rightAligned',
        valueFormatter: oneDecimal,
      },
      { field: 'onHand', headerName: t('forecasts.columns.onHand'), width: 100, sortable: true, type: 'rightAligned' },
      {
        field: 'daysOfCover',
        headerName: t('forecasts.columns.daysOfCover'),
        width: 120,
        sortable: true,
        type: 'rightAligned',
        valueFormatter: ({ value }) => (typeof value === 'number' ? String(Math.floor(value)) : '—'),
        cellClassRules: { 'is-negative': ({ value }) => typeof value === 'number' && value < 14 },
      },
      {
        field: 'smape',
        headerName: t('forecasts.columns.smape'),
        width: 90,
        sortable: true,
        type: 'rightAligned',
        valueFormatter: oneDecimal,
      },
      {
        field: 'mase',
        headerName: t('forecasts.columns.mase'),
        width: 90,
        sortable: true,
        type: 'rightAligned',
        valueFormatter: ({ value }) => (typeof value === 'number' ? value.toFixed(2) : '—'),
      },
      {
        field: 'computedAt',
        headerName: t('forecasts.columns.computedAt'),
        width: 170,
        valueFormatter: ({ value }) => (value ? formatDateTimeShort(value) : ''),
      },
    ],
    [t],
  );

  return (
    <section className="grid-panel" aria-label={t('forecasts.tabs.products')}>
      <div className="toolbar">
        <input
          type="search"
          className="toolbar__search"
          placeholder={t('forecasts.search')}
          aria-label={t('forecasts.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="toolbar__field">
          <span>{t('forecasts.scope')}</span>
          <select value={scope} onChange={(e) => go('forecasts', 'products', e.target.value, bucket)}>
            <option value="all">{t('forecasts.allWarehouses')}</option>
            {warehouses.map((w) => (
              <option key={w.id} value={w.id}>
                {warehouseLabel(w)}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar__field">
          <span>{t('forecasts.bucket')}</span>
          <select value={bucket} onChange={(e) => go('forecasts', 'products', scope, e.target.value)}>
            {DEMAND_BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t(`forecasts.buckets.${b}`)}
              </option>
            ))}
          </select>
        </label>
        {mayRun && (
          <button
            type="button"
            className="button button--primary"
            disabled={run?.status === 'running'}
            onClick={() => act(() => start(bucket))}
          >
            {t('forecasts.run.start')}
          </button>
        )}
        <RunStatus run={run} onCancel={mayRun ? () => act(cancel) : undefined} />
        <span className="toolbar__spacer" />
        {rows && <span className="muted">{t('forecasts.count', { count: rows.length })}</span>}
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="grid-panel__grid">
        <DataGrid<Row>
          rowData={rows}
          columnDefs={columns}
          quickFilterText={search}
          getRowId={({ data }) => data.productId}
          onRowClicked={({ data }) => data && go('forecasts', 'products', scope, bucket, data.productId)}
          rowClass="grid-row--link"
        />
      </div>
    </section>
  );
}
