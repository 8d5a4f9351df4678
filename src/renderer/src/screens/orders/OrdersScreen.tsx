import { useTranslation } from 'react-i18next';
import { go, useHashPath } from '../../components/useHashPath';
import { OrderImportPanel } from './import/OrderImportPanel';
import { OrderDetail } from './OrderDetail';
import { OrderForm } from './form/OrderForm';
import { OrdersGrid } from './OrdersGrid';
import { ReturnsPanel } from './returns/ReturnsPanel';
import './orders.css';

const TABS = ['list', 'returns', 'import'] as const;
type Tab = (typeof TABS)[number];

/**
 * #/orders the grid, #/orders/new and #/orders/<id>/edit the form, #/orders/<id> one
 * order; #/orders/returns the returns (…/new, …/new/<order number>, …/<id>); #/orders/import the import.
 */
export function OrdersScreen() {
  const { t } = useTranslation();
  const [, section, action, reference] = useHashPath();
  const tab: Tab = section === 'returns' || section === 'import' ? section : 'list';

  if (tab === 'list' && section === 'new') return <OrderForm key="new" orderId={null} />;
  if (tab === 'list' && section && action === 'edit') return <OrderForm key={`${section}/edit`} orderId={section} />;
  if (tab === 'list' && section) return <OrderDetail key={section} id={section} />;
  if (tab === 'returns' && action) return <ReturnsPanel id={action} orderNumber={reference} />;

  return (
    <div className="stock">
      <div role="tablist" className="tabs" aria-label={t('nav.orders')}>
        {TABS.map((name) => (
          <button
            key={name}
            role="tab"
            type="button"
            id={`orders-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`orders-panel-${name}`}
            onClick={() => (name === 'list' ? go('orders') : go('orders', name))}
          >
            {name === 'returns' ? t('returns.tab') : t(`orders.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`orders-panel-${tab}`} aria-labelledby={`orders-tab-${tab}`} className="stock__panel">
        {tab === 'list' && <OrdersGrid />}
        {tab === 'returns' && <ReturnsPanel />}
        {tab === 'import' && <OrderImportPanel />}
      </div>
    </div>
  );
}
