import { Plus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PaymentMethod } from '../../../../shared/domain/orders';
import { formatMoney } from '../../../../shared/money';
import { SelectField, TextField } from '../../components/Field';
import type { FieldErrors } from '../../components/form-errors';
import type { ResolvedTenders, TenderDraft } from './tenders';

interface TenderPanelProps {
  drafts: TenderDraft[];
  resolved: ResolvedTenders;
  methods: PaymentMethod[];
  customerChosen: boolean;
  currency: string;
  errors: FieldErrors;
  onChange(drafts: TenderDraft[]): void;
}

/** How the customer pays: one tender, or several that together come to the total (split tender). */
export function TenderPanel({
  drafts,
  resolved,
  methods,
  customerChosen,
  currency,
  errors,
  onChange,
}: TenderPanelProps) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  // Store credit belongs to a customer: a walk-in has none to spend.
  const offered = methods.filter((method) => method !== 'store_credit' || customerChosen);
  const update = (i: number, change: Partial<TenderDraft>) =>
    onChange(drafts.map((draft, j) => (j === i ? { ...draft, ...change } : draft)));

  return (
    <section className="counter__tenders" aria-label={t('counter.payment')}>
      <h2>{t('counter.payment')}</h2>
      {drafts.map((draft, i) => {
        const n = drafts.length > 1 ? i + 1 : '';
        const tender = resolved.tenders[i];
        return (
          <div key={draft.key} className="counter__tender">
            <SelectField
              label={t('counter.method', { n })}
              value={draft.method}
              data-counter-focus={i === 0 ? 'pay' : undefined}
              onChange={(e) => update(i, { method: e.target.value as PaymentMethod })}
              options={offered.map((method) => ({ value: method, label: t(`counter.methods.${method}`) }))}
              error={errors[`tenders.${i}.method`]}
            />
            <TextField
              label={t('counter.amount', { n })}
              inputMode="decimal"
              value={draft.amountText}
              hint={
                draft.amountText.trim() === '' && tender
                  ? t('counter.amountRest', { amount: money(tender.amount) })
                  : undefined
              }
              onChange={(e) => update(i, { amountText: e.target.value })}
              error={errors[`tenders.${i}.amount`]}
            />
            {draft.method === 'cash' && (
              <TextField
                label={t('counter.received', { n })}
                inputMode="decimal"
                value={draft.receivedText}
                onChange={(e) => update(i, { receivedText: e.target.value })}
                error={errors[`tenders.${i}.tendered`]}
              />
            )}
            {(draft.method === 'card' || draft.method === 'transfer') && (
              <TextField
                label={t(draft.method === 'card' ? 'counter.reference' : 'counter.transferReference', { n })}
                value={draft.reference}
                onChange={(e) => update(i, { reference: e.target.value })}
                error={errors[`tenders.${i}.reference`]}
              />
            )}
            {draft.method === 'cash' && tender && tender.change > 0 && (
              <p className="counter__change" role="status">
                {t('counter.change')}: <strong>{money(tender.change)}</strong>
              </p>
            )}
            {drafts.length > 1 && (
              <button
                type="button"
                className="button button--ghost button--small counter__tender-remove"
                aria-label={t('counter.removeTender', { n: i + 1 })}
                onClick={() => onChange(drafts.filter((_, j) => j !== i))}
              >
                <X size={14} aria-hidden="true" />
              </button>
            )}
          </div>
        );
      })}
      {!customerChosen && methods.includes('store_credit') && (
        <p className="field__hint">{t('counter.storeCreditNeedsCustomer')}</p>
      )}
      <div className="counter__tender-actions">
        <button
          type="button"
          className="button button--small"
          disabled={drafts.length >= 10}
          onClick={() =>
            onChange([
              ...drafts,
              {
                key: Math.max(...drafts.map((d) => d.key)) + 1,
                method: offered.find((m) => m !== drafts.at(-1)?.method) ?? offered[0],
                amountText: '',
                receivedText: '',
                reference: '',
              },
            ])
          }
        >
          <Plus size={14} aria-hidden="true" />
          {t('counter.addTender')}
        </button>
        {resolved.remaining !== 0 && (
          <span className="counter__remaining" role="status">
            {t(resolved.remaining > 0 ? 'counter.remaining' : 'counter.overpaid')}:{' '}
            <strong>{money(Math.abs(resolved.remaining))}</strong>
          </span>
        )}
      </div>
    </section>
  );
}
