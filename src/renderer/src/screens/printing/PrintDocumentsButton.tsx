import { useTranslation } from 'react-i18next';
import { ORDER_DOCUMENT_KINDS } from '../../../../shared/domain/documents';
import { PrintButton } from './PrintButton';

/** "Print…" on an order: opens the preview of its documents. */
export function PrintDocumentsButton({ orderId, number }: { orderId: string; number: string }) {
  const { t } = useTranslation();
  return (
    <PrintButton
      kinds={ORDER_DOCUMENT_KINDS}
      ids={[orderId]}
      label={t('printing.print')}
      title={t('printing.preview.titleOne', { number })}
    />
  );
}
