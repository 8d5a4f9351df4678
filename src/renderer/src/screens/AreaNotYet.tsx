import { useTranslation } from 'react-i18next';
import { AREA_ICONS, type Area } from '../shell/areas';

/** What an area will hold, said plainly, until the release that fills it. */
export function AreaNotYet({
  area,
}: {
  area: Exclude<Area, 'settings' | 'stock' | 'customers' | 'counter' | 'orders' | 'shipments'>;
}) {
  const { t } = useTranslation();
  const Icon = AREA_ICONS[area];
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <Icon size={32} strokeWidth={1.5} aria-hidden="true" />
      <h2 id="empty-state-title">{t('areas.notYet')}</h2>
      <p>{t(`areas.${area}`)}</p>
      <p className="muted">{t('areas.notYetBody')}</p>
    </section>
  );
}
