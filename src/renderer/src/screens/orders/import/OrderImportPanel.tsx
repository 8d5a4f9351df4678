import { useTranslation } from 'react-i18next';

/** The order import's tab; the order-import branch brings the panel itself. */
export function OrderImportPanel() {
  const { t } = useTranslation();
  return <h2>{t('orders.importPlaceholder')}</h2>;
}
