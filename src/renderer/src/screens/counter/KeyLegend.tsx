import { useTranslation } from 'react-i18next';

const SALE_KEYS = [
  'scan',
  'plusMinus',
  'times',
  'arrows',
  'delete',
  'lineDiscount',
  'customer',
  'orderDiscount',
  'pay',
  'complete',
  'escape',
] as const;
const RECEIPT_KEYS = ['newSale', 'print'] as const;

/** The keys of the counter, always on screen: a till is worked without the mouse. */
export function KeyLegend({ receipt = false }: { receipt?: boolean }) {
  const { t } = useTranslation();
  return (
    <aside className="counter__keys" aria-label={t('counter.keys.title')}>
      <ul>
        {(receipt ? RECEIPT_KEYS : SALE_KEYS).map((key) => (
          <li key={key}>{t(`counter.keys.${key}`)}</li>
        ))}
      </ul>
    </aside>
  );
}
