import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryDay, DeliveryVehicle } from '../../../../../shared/domain/delivery-routes';
import type { Warehouse } from '../../../../../shared/domain/inventory';
import { useApi } from '../../../api/ApiContext';
import { SelectField, TextField } from '../../../components/Field';
import { errorText } from '../../../components/form-errors';
import { warehouseLabel } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { DepotForm } from './DepotForm';
import { PlanPanel } from './PlanPanel';
import { RouteSheets } from './RouteSheets';
import { StopsPanel } from './StopsPanel';
import { VehiclesPanel } from './VehiclesPanel';
import { today } from './units';
import './routes.css';

/**
 * Local delivery for one warehouse and day: where the warehouse is, the day's stops,
 * the vans, and the plan (totals, a map drawn from the coordinates, route sheets).
 */
export function RoutePlanner() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const mayEdit = user?.role !== 'clerk';
  const [warehouses, setWarehouses] = useState<Warehouse[] | null>(null);
  const [warehouseId, setWarehouseId] = useState('');
  const [date, setDate] = useState(today());
  const [day, setDay] = useState<DeliveryDay | null>(null);
  const [vehicles, setVehicles] = useState<DeliveryVehicle[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const fail = useCallback((error: unknown) => setFailure(errorText(error, t)), [t]);

  useEffect(() => {
    client.warehouses.list({}).then((found) => {
      const active = found.filter((w) => w.active);
      setWarehouses(active);
      setWarehouseId((current) => current || active[0]?.id || '');
    }, fail);
  }, [client, fail]);

  const reloadVehicles = useCallback(() => {
    client.routes.vehicles({}).then((found) => {
      setVehicles(found);
      setSelected((current) => {
        const usable = new Set(found.filter((v) => v.active).map((v) => v.id));
        const kept = [...current].filter((id) => usable.has(id));
        return new Set(kept.length || current.size ? kept : usable);
      });
    }, fail);
  }, [client, fail]);
  useEffect(reloadVehicles, [reloadVehicles]);

  const reloadDay = useCallback(() => {
    if (!warehouseId || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    client.routes.day({ warehouseId, date }).then((found) => {
      setDay(found);
      setFailure(null);
    }, fail);
  }, [client, warehouseId, date, fail]);
  useEffect(reloadDay, [reloadDay]);

  return (
    <section className="panel routes" aria-label={t('routes.title')}>
      <div className="panel__toolbar routes__toolbar">
        <h2>{t('routes.title')}</h2>
        <div className="inline-form--row">
          <SelectField
            label={t('routes.warehouse')}
            value={warehouseId}
            onChange={(e) => setWarehouseId(e.target.value)}
            options={(warehouses ?? []).map((w) => ({ value: w.id, label: warehouseLabel(w) }))}
          />
          <TextField label={t('routes.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
      {warehouses?.length === 0 && <p className="muted">{t('routes.noWarehouse')}</p>}
      {day && day.warehouse.id === warehouseId && (
        <>
          <DepotForm key={day.warehouse.id} depot={day.warehouse} mayEdit={mayEdit} onSaved={reloadDay} />
          <StopsPanel day={day} mayEdit={mayEdit} onChanged={reloadDay} />
          <VehiclesPanel
            vehicles={vehicles}
            selected={selected}
            mayEdit={mayEdit}
            onSelect={setSelected}
            onChanged={() => {
              reloadVehicles();
              reloadDay();
            }}
          />
          <PlanPanel day={day} vehicleIds={[...selected]} mayPlan={mayEdit} onPlanned={reloadDay} />
          <RouteSheets day={day} />
        </>
      )}
    </section>
  );
}
