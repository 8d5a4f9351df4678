import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { go, useHashPath } from '../../components/useHashPath';
import { CountDetail } from './counts/CountDetail';
import { CountsPanel } from './counts/CountsPanel';
import { ProductDetail } from './ProductDetail';
import { ProductsPanel } from './ProductsPanel';
import { StockLevelsPanel } from './StockLevelsPanel';
import { PurchaseOrderDetail } from './purchasing/PurchaseOrderDetail';
import { PurchaseOrdersPanel } from './purchasing/PurchaseOrdersPanel';
import { SuppliersPanel } from './SuppliersPanel';
import { TransferDetail } from './transfers/TransferDetail';
import { TransfersPanel } from './transfers/TransfersPanel';
import { WarehousesPanel } from './WarehousesPanel';
import { ImportExportPanel } from './import/ImportExportPanel';

const TABS = [
  'products',
  'levels',
  'purchaseOrders',
  'counts',
  'transfers',
  'warehouses',
  'suppliers',
  'import',
] as const;
type Tab = (typeof TABS)[number];

/** #/stock/<tab>, and #/stock/<tab>/<id> for one product (or /new), purchase order, count or transfer. */
export function StockScreen() {
  const { t } = useTranslation();
  const { user } = useApi();
  const [, section, id] = useHashPath();
  // Counter clerks see stock but do not count it.
  const tabs = TABS.filter((name) => name !== 'counts' || user?.role !== 'clerk');
  const tab: Tab = (TABS as readonly string[]).includes(section ?? '') ? (section as Tab) : 'products';

  if (tab === 'products' && id) return <ProductDetail key={id} productId={id === 'new' ? null : id} />;
  if (tab === 'purchaseOrders' && id) return <PurchaseOrderDetail key={id} id={id} />;
  if (tab === 'counts' && id) return <CountDetail key={id} id={id} />;
  if (tab === 'transfers' && id) return <TransferDetail key={id} id={id} />;

  return (
    <div className="stock">
      <div role="tablist" className="tabs" aria-label={t('nav.stock')}>
        {tabs.map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            id={`stock-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`stock-panel-${name}`}
            onClick={() => go('stock', name)}
          >
            {name === 'import' ? t('imports.tab') : t(`stock.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`stock-panel-${tab}`} aria-labelledby={`stock-tab-${tab}`} className="stock__panel">
        {tab === 'products' && <ProductsPanel />}
        {tab === 'levels' && <StockLevelsPanel />}
        {tab === 'purchaseOrders' && <PurchaseOrdersPanel />}
        {tab === 'counts' && <CountsPanel />}
        {tab === 'transfers' && <TransfersPanel />}
        {tab === 'warehouses' && <WarehousesPanel />}
        {tab === 'suppliers' && <SuppliersPanel />}
        {tab === 'import' && <ImportExportPanel />}
      </div>
    </div>
  );
}
