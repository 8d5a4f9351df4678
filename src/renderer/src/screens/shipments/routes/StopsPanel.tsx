import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryDay, DeliveryStop } from '../../../../../shared/domain/delivery-routes';
import { DataGrid } from '../../../components/DataGrid';
import { Notice } from '../../../components/Notice';
import { OrderStopsDialog } from './OrderStopsDialog';
import { StopForm } from './StopForm';
import { StopImport } from './StopImport';
import { formatKg, formatLitres } from './units';

type Editing = { kind: 'new' } | { kind: 'edit'; stop: DeliveryStop } | { kind: 'import' } | { kind: 'orders' } | null;

/** The day's stops: a grid to read and pick from, and the ways to add them. */
export function StopsPanel({ day, mayEdit, onChanged }: { day: DeliveryDay; mayEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  // One object per day, so the orders dialog does not reload (and lose its ticks) on every render.
  const key = useMemo(() => ({ warehouseId: day.warehouse.id, date: day.date }), [day.warehouse.id, day.date]);

  // Where the current plan puts each stop: "2 · 3" is the second route's third stop.
  const placeOnPlan = useMemo(() => {
    const places = new Map<string, string>();
    day.plan?.routes.forEach((route, r) =>
      route.stops.forEach((stop) => places.set(stop.stopId, `${r + 1} · ${stop.sequence}`)),
    );
    return places;
  }, [day.plan]);

  const columns = useMemo<ColDef<DeliveryStop>[]>(
    () => [
      {
        headerName: t('routes.stops.route'),
        width: 80,
        valueGetter: ({ data }) => (data && placeOnPlan.get(data.id)) ?? '',
      },
      { headerName: t('routes.stops.name'), field: 'name', flex: 1, minWidth: 120 },
      { headerName: t('routes.stops.address'), field: 'address', flex: 2, minWidth: 160 },
      {
        headerName: `${t('routes.stops.latitude')}, ${t('routes.stops.longitude')}`,
        width: 170,
        valueGetter: ({ data }) =>
          data && data.latitude !== null ? `${data.latitude}, ${data.longitude}` : t('routes.stops.noPlace'),
        cellClass: ({ data }) => (data?.latitude === null ? 'routes__no-place' : ''),
      },
      {
        headerName: t('routes.stops.weightKg'),
        width: 110,
        type: 'rightAligned',
        valueGetter: ({ data }) => (data ? formatKg(data.weightGrams) : ''),
      },
      {
        headerName: t('routes.stops.volumeLitres'),
        width: 110,
        type: 'rightAligned',
        valueGetter: ({ data }) => (data ? formatLitres(data.volumeCm3) : ''),
      },
      {
        headerName: t('routes.stops.window'),
        width: 120,
        valueGetter: ({ data }) => (data?.windowStart ? `${data.windowStart}–${data.windowEnd}` : ''),
      },
      { headerName: t('routes.stops.order'), field: 'orderNumber', width: 170, cellClass: 'mono' },
    ],
    [t, placeOnPlan],
  );

  const done = (changed: boolean, note?: string) => {
    setEditing(null);
    setMessage(note ?? null);
    if (changed) onChanged();
  };
  const placed = day.stops.filter((s) => s.latitude !== null).length;

  return (
    <section className="routes__section" aria-label={t('routes.stops.title')}>
      <div className="panel__toolbar">
        <h3>
          {t('routes.stops.title')}{' '}
          <span className="muted">{t('routes.stops.count', { count: day.stops.length, placed })}</span>
        </h3>
        {mayEdit && (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setEditing({ kind: 'new' })}>
              {t('routes.stops.add')}
            </button>
            <button type="button" className="button" onClick={() => setEditing({ kind: 'import' })}>
              {t('routes.stops.import')}
            </button>
            <button type="button" className="button" onClick={() => setEditing({ kind: 'orders' })}>
              {t('routes.stops.fromOrders')}
            </button>
          </div>
        )}
      </div>
      {message && <Notice kind="success">{message}</Notice>}
      {editing?.kind === 'new' && <StopForm day={key} stop={null} onDone={done} />}
      {editing?.kind === 'edit' && <StopForm key={editing.stop.id} day={key} stop={editing.stop} onDone={done} />}
      {editing?.kind === 'import' && <StopImport day={key} onDone={done} />}
      {editing?.kind === 'orders' && <OrderStopsDialog day={key} onDone={done} />}
      {day.stops.length === 0 ? (
        <p className="muted">{t('routes.stops.none')}</p>
      ) : (
        <div className="routes__grid">
          <DataGrid<DeliveryStop>
            rowData={day.stops}
            columnDefs={columns}
            getRowId={({ data }) => data.id}
            domLayout="autoHeight"
            onRowClicked={({ data }) => mayEdit && data && setEditing({ kind: 'edit', stop: data })}
          />
        </div>
      )}
    </section>
  );
}
