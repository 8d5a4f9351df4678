import { useTranslation } from 'react-i18next';
import type { DeliveryDay } from '../../../../../shared/domain/delivery-routes';
import { routeColour } from './units';

const WIDTH = 720;
const HEIGHT = 460;
const PAD = 28;

/**
 * The plan drawn from the coordinates alone (no map tiles, nothing from the network):
 * an equirectangular projection around the day's middle latitude, which keeps shapes
 * true over a city. The warehouse is the black square; each route has its colour and
 * numbered stops; stops on no route are hollow grey rings.
 */
export function RoutePlot({ day }: { day: DeliveryDay }) {
  const { t } = useTranslation();
  const { warehouse, plan } = day;
  if (!plan || warehouse.latitude === null || warehouse.longitude === null) return null;
  const depot = { lat: warehouse.latitude, lng: warehouse.longitude };
  const placed = day.stops.filter((s) => s.latitude !== null && s.longitude !== null);
  const points = [depot, ...placed.map((s) => ({ lat: s.latitude as number, lng: s.longitude as number }))];

  const middle = (Math.min(...points.map((p) => p.lat)) + Math.max(...points.map((p) => p.lat))) / 2;
  const squeeze = Math.cos((middle * Math.PI) / 180);
  const xs = points.map((p) => p.lng * squeeze);
  const ys = points.map((p) => -p.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((WIDTH - 2 * PAD) / (maxX - minX || 1e-6), (HEIGHT - 2 * PAD) / (maxY - minY || 1e-6));
  const offsetX = (WIDTH - (maxX - minX) * scale) / 2;
  const offsetY = (HEIGHT - (maxY - minY) * scale) / 2;
  const at = (p: { lat: number; lng: number }) => ({
    x: offsetX + (p.lng * squeeze - minX) * scale,
    y: offsetY + (-p.lat - minY) * scale,
  });
  const byId = new Map(placed.map((s) => [s.id, at({ lat: s.latitude as number, lng: s.longitude as number })]));
  const home = at(depot);
  const onRoute = new Set(plan.routes.flatMap((r) => r.stops.map((s) => s.stopId)));

  return (
    <figure className="routes__plot">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('routes.plan.map')}>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} fill="#fbfcfd" stroke="#dee0e3" />
        {plan.routes.map((route, r) => {
          const path = [home, ...route.stops.map((s) => byId.get(s.stopId) ?? home), home];
          return (
            <polyline
              key={`line-${route.vehicleName}`}
              points={path.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
              fill="none"
              stroke={routeColour(r)}
              strokeWidth="2.5"
              strokeLinejoin="round"
              opacity="0.85"
            />
          );
        })}
        {placed
          .filter((s) => !onRoute.has(s.id))
          .map((s) => {
            const p = byId.get(s.id) as { x: number; y: number };
            return <circle key={s.id} cx={p.x} cy={p.y} r="7" fill="#fff" stroke="#8c959f" strokeWidth="2" />;
          })}
        {plan.routes.map((route, r) =>
          route.stops.map((stop) => {
            const p = byId.get(stop.stopId);
            if (!p) return null;
            return (
              <g key={stop.stopId}>
                <circle cx={p.x} cy={p.y} r="9" fill={routeColour(r)} stroke="#fff" strokeWidth="1.5" />
                <text x={p.x} y={p.y + 3.5} textAnchor="middle" fontSize="10" fontWeight="600" fill="#fff">
                  {stop.sequence}
                </text>
              </g>
            );
          }),
        )}
        <rect x={home.x - 8} y={home.y - 8} width="16" height="16" fill="#1f2328" stroke="#fff" strokeWidth="2" />
      </svg>
      <figcaption className="routes__legend">
        <span>
          <span className="routes__swatch routes__swatch--depot" /> {t('routes.plan.depot')} {warehouse.code}
        </span>
        {plan.routes.map((route, r) => (
          <span key={route.vehicleName}>
            <span className="routes__swatch" style={{ background: routeColour(r) }} /> {route.vehicleName}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
