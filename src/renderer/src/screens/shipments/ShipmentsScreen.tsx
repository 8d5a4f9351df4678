import { useTranslation } from 'react-i18next';
import { go, useHashPath } from '../../components/useHashPath';
import { ShipmentsPanel } from './list/ShipmentsPanel';
import { PackStation } from './packing/PackStation';
import { PickListsPanel } from './picking/PickListsPanel';
import { RoutePlanner } from './routes/RoutePlanner';

const TABS = ['list', 'pick', 'pack', 'routes'] as const;
type Tab = (typeof TABS)[number];

/**
 * The warehouse's day: #/shipments the parcels (…/<id> one), #/shipments/pick the pick
 * lists, #/shipments/pack the pack station, #/shipments/routes the local delivery routes.
 * Each tab owns what follows its name in the address.
 */
export function ShipmentsScreen() {
  const { t } = useTranslation();
  const [, section] = useHashPath();
  const tab: Tab = (TABS as readonly string[]).includes(section ?? '') ? (section as Tab) : 'list';

  return (
    <div className="stock">
      <div role="tablist" className="tabs" aria-label={t('nav.shipments')}>
        {TABS.map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            id={`shipments-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`shipments-panel-${name}`}
            onClick={() => (name === 'list' ? go('shipments') : go('shipments', name))}
          >
            {t(`shipping.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`shipments-panel-${tab}`}
        aria-labelledby={`shipments-tab-${tab}`}
        className="stock__panel"
      >
        {tab === 'list' && <ShipmentsPanel />}
        {tab === 'pick' && <PickListsPanel />}
        {tab === 'pack' && <PackStation />}
        {tab === 'routes' && <RoutePlanner />}
      </div>
    </div>
  );
}
