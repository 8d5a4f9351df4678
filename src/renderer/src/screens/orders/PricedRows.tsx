import { useTranslation } from 'react-i18next';

export interface PricedTotals {
  subtotal: number;
  discountTotal: number;
  grandTotal: number;
  taxes: Array<{ taxClass: string; rateBasisPoints: number; taxable: number; tax: number }>;
}

/**
 * The rows of an order's totals as the server priced them: subtotal, discounts, shipping
 * (when it ships), total and the tax per rate. The order page and the order form show
 * the same rows, one for a saved order and one for a quote.
 */
export function PricedRows({
  priced,
  shipping,
  money,
}: {
  priced: PricedTotals;
  shipping: { method: string; total: number } | null;
  money: (minor: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <tr>
        <th scope="row">{t('orders.detail.subtotal')}</th>
        <td>{money(priced.subtotal)}</td>
      </tr>
      {priced.discountTotal > 0 && (
        <tr>
          <th scope="row">{t('orders.detail.discountTotal')}</th>
          <td>{money(-priced.discountTotal)}</td>
        </tr>
      )}
      {shipping && (
        <tr>
          <th scope="row">{t('orders.detail.shipping', { method: shipping.method })}</th>
          <td>{money(shipping.total)}</td>
        </tr>
      )}
      <tr className="is-total">
        <th scope="row">{t('orders.detail.grandTotal')}</th>
        <td data-testid="priced-total">{money(priced.grandTotal)}</td>
      </tr>
      {priced.taxes.map((tax) => (
        <tr key={`${tax.taxClass}-${tax.rateBasisPoints}`}>
          <th scope="row">
            {t('orders.detail.taxAt', { rate: String(tax.rateBasisPoints / 100), taxable: money(tax.taxable) })}
          </th>
          <td>{money(tax.tax)}</td>
        </tr>
      ))}
    </>
  );
}
