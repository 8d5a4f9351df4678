import { useTranslation } from 'react-i18next';
import { go, useHashPath } from '../../components/useHashPath';
import { ProductDetail } from './ProductDetail';
import { ProductsPanel } from './ProductsPanel';
import { StockLevelsPanel } from './StockLevelsPanel';
import { SuppliersPanel } from './SuppliersPanel';
import { WarehousesPanel } from './WarehousesPanel';

const TABS = ['products', 'levels', 'warehouses', 'suppliers'] as const;
type Tab = (typeof TABS)[number];

/** #/stock/<tab>, and #/stock/products/<id> (or /new) for one product. */
export function StockScreen() {
  const { t } = useTranslation();
  const [, section, id] = useHashPath();
  const tab: Tab = (TABS as readonly string[]).includes(section ?? '') ? (section as Tab) : 'products';

  if (tab === 'products' && id) return <ProductDetail key={id} productId={id === 'new' ? null : id} />;

  return (
    <div className="stock">
      <div role="tablist" className="tabs" aria-label={t('nav.stock')}>
        {TABS.map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            id={`stock-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`stock-panel-${name}`}
            onClick={() => go('stock', name)}
          >
            {t(`stock.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`stock-panel-${tab}`} aria-labelledby={`stock-tab-${tab}`} className="stock__panel">
        {tab === 'products' && <ProductsPanel />}
        {tab === 'levels' && <StockLevelsPanel />}
        {tab === 'warehouses' && <WarehousesPanel />}
        {tab === 'suppliers' && <SuppliersPanel />}
      </div>
    </div>
  );
}
