import { useTranslation } from 'react-i18next';
import { go, useHashPath } from '../../components/useHashPath';
import { OrderImportPanel } from './import/OrderImportPanel';
import { OrderDetail } from './OrderDetail';
import { OrderForm } from './form/OrderForm';
import { OrdersGrid } from './OrdersGrid';
import './orders.css';

const TABS = ['list', 'import'] as const;

/** #/orders the grid, #/orders/import the import, #/orders/new and #/orders/<id>/edit the form, #/orders/<id> one order. */
export function OrdersScreen() {
  const { t } = useTranslation();
  const [, section, action] = useHashPath();

  if (section === 'new') return <OrderForm key="new" orderId={null} />;
  if (section && section !== 'import' && action === 'edit')
    return <OrderForm key={`${section}/edit`} orderId={section} />;
  if (section && section !== 'import') return <OrderDetail key={section} id={section} />;

  const tab = section === 'import' ? 'import' : 'list';
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
            {t(`orders.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`orders-panel-${tab}`} aria-labelledby={`orders-tab-${tab}`} className="stock__panel">
        {tab === 'list' ? <OrdersGrid /> : <OrderImportPanel />}
      </div>
    </div>
  );
}
