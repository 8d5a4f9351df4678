import { Printer } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentPreview } from './DocumentPreview';

/** "Print…" on an order: opens the preview of its documents. */
export function PrintDocumentsButton({ orderId, number }: { orderId: string; number: string }) {
  const { t } = useTranslation();
  const [orderIds, setOrderIds] = useState<string[] | null>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => setOrderIds([orderId])}>
        <Printer size={14} aria-hidden="true" />
        {t('printing.print')}
      </button>
      {orderIds && (
        <DocumentPreview
          orderIds={orderIds}
          title={t('printing.preview.titleOne', { number })}
          onClose={() => setOrderIds(null)}
        />
      )}
    </>
  );
}
