import { Fragment, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { WALK_IN_CUSTOMER_ID } from '../../../../shared/domain/customers';
import type { Order } from '../../../../shared/domain/orders';
import type { Settings } from '../../../../shared/domain/settings';
import { formatMoney } from '../../../../shared/money';

/**
 * The customer's receipt, laid out for an 80 mm roll: the print stylesheet shows only
 * this when printing. Every figure is the completed order's, as the server saved it, and
 * it speaks the shop's document language (Settings), whatever the clerk's screen speaks.
 */
export function Receipt({ order, settings, clerk }: { order: Order; settings: Settings; clerk: string }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(settings.locale);
  const money = (minor: number) => formatMoney(minor, order.currency, settings.locale);
  const when = new Intl.DateTimeFormat(settings.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const address = settings.address;
  const addressLines = [
    address.line1,
    address.line2,
    [address.postalCode, address.city, address.region].filter(Boolean).join(' '),
  ].filter(Boolean);
  const payments = order.payments.filter((payment) => payment.kind === 'payment');
  const slip = useRef<HTMLElement>(null);
  const pageStyle = useRef<HTMLStyleElement>(null);

  // A page as long as the receipt: Chromium takes no "auto" page height, and a fixed one
  // would feed a roll printer a sheet's length of blank paper after a short receipt.
  useLayoutEffect(() => {
    if (!slip.current || !pageStyle.current) return;
    const heightMm = Math.ceil((slip.current.offsetHeight * 25.4) / 96) + 2;
    pageStyle.current.textContent = `@media print { @page { size: 80mm ${heightMm}mm; margin: 0; } }`;
  });

  return (
    <article ref={slip} className="receipt" aria-label={t('counter.receipt')} lang={settings.locale}>
      <style ref={pageStyle} />
      <header className="receipt__head">
        <h2>{settings.storeName}</h2>
        {addressLines.map((line) => (
          <div key={line}>{line}</div>
        ))}
        {settings.phone && <div>{settings.phone}</div>}
      </header>
      <dl className="receipt__meta">
        <div>
          <dt>{t('counter.receiptOrder')}</dt>
          <dd className="mono">{order.number}</dd>
        </div>
        <div>
          <dt>{t('counter.receiptDate')}</dt>
          <dd>{when.format(new Date(order.completedAt ?? order.placedAt))}</dd>
        </div>
        <div>
          <dt>{t('counter.receiptTerminal')}</dt>
          <dd>{order.terminal}</dd>
        </div>
        <div>
          <dt>{t('counter.receiptClerk')}</dt>
          <dd>{clerk}</dd>
        </div>
        <div>
          <dt>{t('counter.receiptCustomer')}</dt>
          <dd>{order.customerId === WALK_IN_CUSTOMER_ID ? t('counter.walkIn') : order.customerName}</dd>
        </div>
      </dl>
      <table className="receipt__lines">
        <thead>
          <tr>
            <th>{t('counter.line.name')}</th>
            <th className="num">{t('counter.line.quantity')}</th>
            <th className="num">{t('counter.line.total')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id}>
              <td>
                <div>{line.name}</div>
                <div className="receipt__small">
                  {line.sku} · {money(line.unitPrice)}
                </div>
                {line.lineDiscount > 0 && (
                  <div className="receipt__small">
                    {t('counter.lineDiscount')} −{money(line.lineDiscount)}
                  </div>
                )}
              </td>
              <td className="num">{line.quantity}</td>
              <td className="num">{money(line.gross)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="receipt__totals">
        <div>
          <dt>{t('counter.subtotal')}</dt>
          <dd>{money(order.subtotal)}</dd>
        </div>
        {order.discountTotal > 0 && (
          <div>
            <dt>{t('counter.discounts')}</dt>
            <dd>−{money(order.discountTotal)}</dd>
          </div>
        )}
        {order.taxes.map((tax) => (
          <div key={tax.taxClass}>
            <dt>
              {t(order.pricesIncludeTax ? 'counter.taxIncluded' : 'counter.taxLine', {
                rate: tax.rateBasisPoints / 100,
              })}
            </dt>
            <dd>{money(tax.tax)}</dd>
          </div>
        ))}
        <div className="receipt__grand">
          <dt>{t('counter.total')}</dt>
          <dd>{money(order.grandTotal)}</dd>
        </div>
      </dl>
      <dl className="receipt__payments">
        {payments.map((payment) => (
          <Fragment key={payment.id}>
            <div>
              <dt>
                {t(`counter.methods.${payment.method}`)}
                {payment.reference && (
                  <span className="receipt__small">
                    {' '}
                    {t('counter.receiptReference')} {payment.reference}
                  </span>
                )}
              </dt>
              <dd>{money(payment.amount)}</dd>
            </div>
            {payment.tendered !== null && (
              <div className="receipt__small">
                <dt>{t('counter.receiptTendered')}</dt>
                <dd>{money(payment.tendered)}</dd>
              </div>
            )}
            {payment.changeGiven > 0 && (
              <div>
                <dt>{t('counter.receiptChange')}</dt>
                <dd>{money(payment.changeGiven)}</dd>
              </div>
            )}
          </Fragment>
        ))}
      </dl>
      <footer className="receipt__foot">{t('counter.receiptThanks')}</footer>
    </article>
  );
}
