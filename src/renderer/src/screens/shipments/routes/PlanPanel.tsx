import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryDay } from '../../../../../shared/domain/delivery-routes';
import { useApi } from '../../../api/ApiContext';
import { SelectField, TextField } from '../../../components/Field';
import { errorText } from '../../../components/form-errors';
import { formatDateTimeShort } from '../../../components/formatting';
import { Notice } from '../../../components/Notice';
import { RoutePlot } from './RoutePlot';
import { formatCubicMetres, formatKg, formatKm, routeColour } from './units';

const BUDGETS = [1, 3, 5, 10, 30];

/** Plans the day with the ticked vehicles, and shows the answer: totals, each route, the map. */
export function PlanPanel({
  day,
  vehicleIds,
  mayPlan,
  onPlanned,
}: {
  day: DeliveryDay;
  vehicleIds: string[];
  mayPlan: boolean;
  onPlanned: () => void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [budget, setBudget] = useState('3');
  const [speed, setSpeed] = useState('25');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { plan } = day;
  const stops = new Map(day.stops.map((s) => [s.id, s]));

  async function run() {
    if (!vehicleIds.length) return setFailure(t('routes.plan.chooseVehicles'));
    if (day.warehouse.latitude === null) return setFailure(t('routes.plan.needDepot'));
    if (!day.stops.some((s) => s.latitude !== null)) return setFailure(t('routes.plan.needPlaces'));
    setBusy(true);
    setFailure(null);
    try {
      await client.routes.plan({
        warehouseId: day.warehouse.id,
        date: day.date,
        vehicleIds,
        timeBudgetMs: Number(budget) * 1000,
        averageSpeedKmh: Number(speed.replace(',', '.')),
      });
      onPlanned();
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="routes__section" aria-label={t('routes.plan.title')}>
      <div className="panel__toolbar">
        <h3>{t('routes.plan.title')}</h3>
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
      {mayPlan && (
        <div className="inline-form--row routes__plan-controls">
          <SelectField
            label={t('routes.plan.timeBudget')}
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            options={BUDGETS.map((s) => ({ value: String(s), label: t('routes.plan.seconds', { count: s }) }))}
          />
          <TextField
            label={t('routes.plan.speed')}
            value={speed}
            inputMode="decimal"
            onChange={(e) => setSpeed(e.target.value)}
          />
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
            {busy ? t('routes.plan.running') : t('routes.plan.run')}
          </button>
        </div>
      )}
      {plan && (
        <>
          {plan.stale && <Notice kind="info">{t('routes.plan.stale')}</Notice>}
          <div className="routes__summary" role="status">
            <div>
              <span className="muted">{t('routes.plan.total')}</span>
              <strong className="routes__total">{formatKm(plan.distanceMetres)}</strong>
            </div>
            <div>
              <span className="muted">{t('routes.plan.routes')}</span>
              <strong className="routes__total">{plan.routes.length}</strong>
            </div>
            <p className="muted">
              {t('routes.plan.planned', {
                at: formatDateTimeShort(plan.plannedAt),
                ms: plan.solveMs,
                iterations: plan.iterations,
              })}
              <br />
              {t('routes.plan.straightLine')}
            </p>
          </div>
          <table className="table table--compact" aria-label={t('routes.plan.routes')}>
            <thead>
              <tr>
                <th>{t('routes.plan.vehicle')}</th>
                <th className="num">{t('routes.plan.stopCount')}</th>
                <th className="num">{t('routes.plan.distance')}</th>
                <th className="num">{t('routes.plan.load')}</th>
                <th>{t('routes.plan.departs')}</th>
                <th>{t('routes.plan.returns')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.routes.map((route, r) => (
                <tr key={route.vehicleName}>
                  <td>
                    <span className="routes__swatch" style={{ background: routeColour(r) }} /> {route.vehicleName}
                  </td>
                  <td className="num">{route.stops.length}</td>
                  <td className="num">{formatKm(route.distanceMetres)}</td>
                  <td className="num">
                    {formatKg(route.loadGrams)} · {formatCubicMetres(route.loadCm3)}
                  </td>
                  <td>{route.departsAt}</td>
                  <td>{route.returnsAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.leftOut.length > 0 && (
            <Notice kind="error">
              {t('routes.plan.leftOut')}:{' '}
              {plan.leftOut
                .map((l) => `${stops.get(l.stopId)?.name ?? ''} (${t(`routes.plan.reasons.${l.reason}`)})`)
                .join('; ')}
            </Notice>
          )}
          <RoutePlot day={day} />
          <div className="form-actions">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('routes.plan.print')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
