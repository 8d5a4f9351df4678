import { useTranslation } from 'react-i18next';
import type { DeliveryDay } from '../../../../../shared/domain/delivery-routes';
import { warehouseLabel } from '../../../components/formatting';
import { formatKg, formatKm, formatLitres, routeColour } from './units';

/** One sheet per vehicle, in stop order, for the driver; each prints on its own page. */
export function RouteSheets({ day }: { day: DeliveryDay }) {
  const { t } = useTranslation();
  if (!day.plan) return null;
  const stops = new Map(day.stops.map((s) => [s.id, s]));
  return (
    <div className="route-sheets">
      {day.plan.routes.map((route, r) => (
        <article
          key={route.vehicleName}
          className="route-sheet"
          aria-label={`${t('routes.sheet.title')} ${route.vehicleName}`}
        >
          <header className="route-sheet__header">
            <h3>
              <span className="routes__swatch" style={{ background: routeColour(r) }} /> {t('routes.sheet.title')} ·{' '}
              {route.vehicleName}
            </h3>
            <p>
              {t('routes.sheet.date', { date: day.date })} ·{' '}
              {t('routes.sheet.from', {
                place: `${warehouseLabel(day.warehouse)}${day.warehouse.address ? ` (${day.warehouse.address})` : ''}`,
              })}
            </p>
            <p>
              {t('routes.sheet.departs', { time: route.departsAt })} ·{' '}
              {t('routes.sheet.returns', { time: route.returnsAt })} ·{' '}
              {t('routes.sheet.totals', {
                stops: route.stops.length,
                distance: formatKm(route.distanceMetres),
                load: `${formatKg(route.loadGrams)}, ${formatLitres(route.loadCm3)}`,
              })}
            </p>
          </header>
          <table className="table table--compact route-sheet__table">
            <thead>
              <tr>
                <th className="num">{t('routes.sheet.stop')}</th>
                <th>{t('routes.sheet.name')}</th>
                <th>{t('routes.sheet.address')}</th>
                <th>{t('routes.sheet.window')}</th>
                <th>{t('routes.sheet.arrival')}</th>
                <th className="num">{t('routes.sheet.load')}</th>
                <th>{t('routes.sheet.done')}</th>
              </tr>
            </thead>
            <tbody>
              {route.stops.map((planned) => {
                const stop = stops.get(planned.stopId);
                return (
                  <tr key={planned.stopId}>
                    <td className="num">{planned.sequence}</td>
                    <td>
                      {stop?.name}
                      {stop?.orderNumber && <div className="muted mono">{stop.orderNumber}</div>}
                    </td>
                    <td>
                      {stop?.address}
                      {stop?.notes && <div className="muted">{stop.notes}</div>}
                    </td>
                    <td>{stop?.windowStart ? `${stop.windowStart}–${stop.windowEnd}` : ''}</td>
                    <td>{planned.arrivesAt}</td>
                    <td className="num">{stop ? formatKg(stop.weightGrams) : ''}</td>
                    <td className="route-sheet__tick">☐</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </article>
      ))}
    </div>
  );
}
