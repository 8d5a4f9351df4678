import { useTranslation } from 'react-i18next';
import { DEMAND_BUCKETS, type DemandBucket } from '../../../../shared/domain/forecasts';
import { go, useHashPath } from '../../components/useHashPath';
import { ForecastList } from './ForecastList';
import { ProductForecast } from './ProductForecast';
import { ReorderPanel } from './ReorderPanel';
import './forecasts.css';

const TABS = ['products', 'reorder'] as const;
type Tab = (typeof TABS)[number];

/**
 * #/forecasts/products/<scope>/<bucket> the forecasts by product (…/<productId> one
 * product's chart), #/forecasts/reorder the reorder suggestions.
 */
export function ForecastsScreen() {
  const { t } = useTranslation();
  const [, section, scopePart, bucketPart, productId] = useHashPath();
  const tab: Tab = section === 'reorder' ? 'reorder' : 'products';
  const scope = scopePart || 'all';
  const bucket: DemandBucket = (DEMAND_BUCKETS as readonly string[]).includes(bucketPart ?? '')
    ? (bucketPart as DemandBucket)
    : 'week';

  if (tab === 'products' && productId) {
    return (
      <ProductForecast key={`${productId}/${scope}/${bucket}`} productId={productId} scope={scope} bucket={bucket} />
    );
  }

  return (
    <div className="stock">
      <div role="tablist" className="tabs" aria-label={t('nav.forecasts')}>
        {TABS.map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            id={`forecasts-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`forecasts-panel-${name}`}
            onClick={() => go('forecasts', name)}
          >
            {t(`forecasts.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`forecasts-panel-${tab}`}
        aria-labelledby={`forecasts-tab-${tab}`}
        className="stock__panel"
      >
        {tab === 'products' && <ForecastList scope={scope} bucket={bucket} />}
        {tab === 'reorder' && <ReorderPanel />}
      </div>
    </div>
  );
}
