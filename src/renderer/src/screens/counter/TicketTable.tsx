import { X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money';
import type { FieldErrors } from '../../components/form-errors';
import type { Ticket } from './ticket';
import type { Quote } from './useQuote';

interface TicketTableProps {
  ticket: Ticket;
  quote: Quote | null;
  pending: boolean;
  currency: string;
  errors: FieldErrors;
  onSelect(index: number): void;
  onQuantity(index: number, quantity: number): void;
  onDiscount(index: number, text: string): void;
  onRemove(index: number): void;
}

/** The lines of the sale: quantity and discount are edited in place, the totals are the server's. */
export function TicketTable({
  ticket,
  quote,
  pending,
  currency,
  errors,
  onSelect,
  onQuantity,
  onDiscount,
  onRemove,
}: TicketTableProps) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);

  if (ticket.lines.length === 0) return <p className="counter__empty muted">{t('counter.empty')}</p>;

  return (
    <table className="table counter__lines" aria-label={t('counter.ticket')}>
      <thead>
        <tr>
          <th className="num">{t('counter.line.number')}</th>
          <th>{t('counter.line.sku')}</th>
          <th>{t('counter.line.name')}</th>
          <th className="num">{t('counter.line.unitPrice')}</th>
          <th className="num">{t('counter.line.quantity')}</th>
          <th>{t('counter.line.discount')}</th>
          <th className="num">{t('counter.line.total')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {ticket.lines.map((line, i) => {
          const priced = quote?.lines[i]?.productId === line.productId ? quote.lines[i] : null;
          const discountError = errors[`lines.${i}.discount`];
          return (
            <tr
              key={line.productId}
              className={i === ticket.selected ? 'counter__line is-selected' : 'counter__line'}
              aria-current={i === ticket.selected ? 'true' : undefined}
              onClick={() => onSelect(i)}
            >
              <td className="num muted">{i + 1}</td>
              <td className="mono">{line.sku}</td>
              <td>{line.name}</td>
              <td className="num">{money(line.unitPrice)}</td>
              <td className="num">
                <QuantityInput
                  label={t('counter.line.quantityOf', { sku: line.sku })}
                  quantity={line.quantity}
                  onFocus={() => onSelect(i)}
                  onQuantity={(quantity) => onQuantity(i, quantity)}
                />
              </td>
              <td>
                <input
                  className="counter__discount"
                  data-line={i}
                  aria-label={t('counter.line.discountOf', { sku: line.sku })}
                  placeholder={t('counter.discountHint')}
                  value={line.discountText}
                  onFocus={() => onSelect(i)}
                  onChange={(e) => onDiscount(i, e.target.value)}
                  aria-invalid={discountError ? true : undefined}
                  aria-describedby={discountError ? `counter-line-error-${i}` : undefined}
                />
                {discountError && (
                  <span id={`counter-line-error-${i}`} className="field__error" role="alert">
                    {discountError}
                  </span>
                )}
              </td>
              <td className={pending ? 'num counter__pending' : 'num'}>
                {priced ? money(priced.total) : '—'}
                {priced && priced.lineDiscount > 0 && (
                  <div className="counter__saving">−{money(priced.lineDiscount)}</div>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={t('counter.line.remove', { sku: line.sku })}
                  onClick={(e) => {
                    e.stopPropagation();
                    onRemove(i);
                  }}
                >
                  <X size={14} aria-hidden="true" />
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * A line's quantity typed over: a whole number of at least one takes effect as it is
 * typed; on the way there ("" before "3") the box keeps the text and the line its quantity.
 */
function QuantityInput({
  label,
  quantity,
  onFocus,
  onQuantity,
}: {
  label: string;
  quantity: number;
  onFocus(): void;
  onQuantity(quantity: number): void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <input
      className="counter__qty"
      inputMode="numeric"
      aria-label={label}
      value={typed ?? String(quantity)}
      onFocus={onFocus}
      onBlur={() => setTyped(null)}
      onChange={(e) => {
        const text = e.target.value.trim();
        setTyped(text);
        if (/^\d{1,8}$/.test(text) && Number(text) >= 1) onQuantity(Number(text));
      }}
    />
  );
}
