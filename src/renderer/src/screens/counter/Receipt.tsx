import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedDocument } from '../../../../shared/domain/documents';
import type { Order } from '../../../../shared/domain/orders';
import type { Settings } from '../../../../shared/domain/settings';
import { useApi } from '../../api/ApiContext';
import { errorText } from '../../components/form-errors';
import { Notice } from '../../components/Notice';

/**
 * The customer's receipt: the one receipt template (main's, the same as its PDF and the
 * desktop app's receipt printer), shown in the page; the print stylesheet shows only it.
 * It speaks the shop's document language (Settings), whatever the clerk's screen speaks.
 */
export function Receipt({ order, settings }: { order: Order; settings: Settings }) {
  const { t, i18n } = useTranslation();
  const { client } = useApi();
  const [receipt, setReceipt] = useState<RenderedDocument | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const slip = useRef<HTMLElement>(null);
  const pageStyle = useRef<HTMLStyleElement>(null);

  useEffect(() => {
    client.documents
      .render({ kind: 'receipt', orderIds: [order.id] })
      .then(setReceipt, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, order.id, t]);

  // A page as long as the receipt: Chromium takes no "auto" page height, and a fixed one
  // would feed a roll printer a sheet's length of blank paper after a short receipt.
  useLayoutEffect(() => {
    if (!receipt || !slip.current || !pageStyle.current) return;
    const heightMm = Math.ceil((slip.current.offsetHeight * 25.4) / 96) + 2;
    pageStyle.current.textContent = `@media print { @page { size: ${receipt.widthMm}mm ${heightMm}mm; margin: 0; } }`;
  });

  if (failure) return <Notice kind="error">{failure}</Notice>;
  return (
    <article ref={slip} className="receipt" aria-label={i18n.getFixedT(settings.locale)('counter.receipt')}>
      <style ref={pageStyle} />
      {receipt && (
        <>
          <style>{receipt.css}</style>
          <div dangerouslySetInnerHTML={{ __html: receipt.body }} />
        </>
      )}
    </article>
  );
}
