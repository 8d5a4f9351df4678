import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money';
import type { Quote } from './useQuote';

/** Subtotal, discounts, tax per rate and total, exactly as the server priced them. */
export function TotalsPanel({ quote, pending, currency }: { quote: Quote | null; pending: boolean; currency: string }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  return (
    <section
      className={pending ? 'counter__totals counter__pending' : 'counter__totals'}
      aria-label={t('counter.totals')}
      aria-busy={pending}
    >
      <dl>
        <div>
          <dt>{t('counter.subtotal')}</dt>
          <dd>{quote ? money(quote.subtotal) : '—'}</dd>
        </div>
        {quote && quote.discountTotal > 0 && (
          <div>
            <dt>{t('counter.discounts')}</dt>
            <dd>−{money(quote.discountTotal)}</dd>
          </div>
        )}
        {quote?.taxes.map((tax) => (
          <div key={tax.taxClass} className="counter__tax">
            <dt>
              {t(quote.pricesIncludeTax ? 'counter.taxIncluded' : 'counter.taxLine', {
                rate: tax.rateBasisPoints / 100,
              })}
            </dt>
            <dd>{money(tax.tax)}</dd>
          </div>
        ))}
        <div className="counter__grand">
          <dt>{t('counter.total')}</dt>
          <dd>{quote ? money(quote.grandTotal) : '—'}</dd>
        </div>
      </dl>
      {pending && <span className="muted counter__quoting">{t('counter.quoting')}</span>}
    </section>
  );
}
