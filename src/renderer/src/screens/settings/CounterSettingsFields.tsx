import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS } from '../../../../shared/domain/orders';
import type { Settings } from '../../../../shared/domain/settings';
import { TextField } from '../../components/Field';
import type { FieldErrors } from '../../components/form-errors';
import { basisPoints } from './TaxRatesFields';

type CounterSettings = Pick<Settings, 'terminalCode' | 'paymentMethods' | 'clerkDiscountLimitBasisPoints'>;

/** What the counter relies on: this till's code, the ways of paying taken, and how far a clerk may discount. */
export function CounterSettingsFields({
  values,
  errors,
  onChange,
  onValidity,
}: {
  values: CounterSettings;
  errors: FieldErrors;
  onChange(change: Partial<CounterSettings>): void;
  /** False while the limit box holds text that is not a percentage, so the old limit is not saved by mistake. */
  onValidity(valid: boolean): void;
}) {
  const { t } = useTranslation();
  // What is typed in the limit box, so "12." can be on its way to "12.5".
  const [limitText, setLimitText] = useState<string | null>(null);
  const shownLimit = limitText ?? String(values.clerkDiscountLimitBasisPoints / 100);
  const limitInvalid = basisPoints(shownLimit) === null;

  function toggle(method: Settings['paymentMethods'][number], on: boolean) {
    const chosen = new Set(values.paymentMethods);
    if (on) chosen.add(method);
    else chosen.delete(method);
    onChange({ paymentMethods: PAYMENT_METHODS.filter((m) => chosen.has(m)) });
  }

  return (
    <div className="form-grid">
      <TextField
        label={t('counter.settings.terminalCode')}
        value={values.terminalCode}
        maxLength={4}
        className="mono"
        onChange={(e) => onChange({ terminalCode: e.target.value.toUpperCase() })}
        error={errors.terminalCode}
        hint={t('counter.settings.terminalCodeHint')}
      />
      <TextField
        label={t('counter.settings.clerkDiscountLimit')}
        inputMode="decimal"
        value={shownLimit}
        onChange={(e) => {
          const typed = e.target.value;
          setLimitText(typed);
          const parsed = basisPoints(typed);
          onValidity(parsed !== null);
          if (parsed !== null) onChange({ clerkDiscountLimitBasisPoints: parsed });
        }}
        error={limitInvalid ? t('counter.settings.percentInvalid') : errors.clerkDiscountLimitBasisPoints}
        hint={t('counter.settings.clerkDiscountLimitHint')}
      />
      <fieldset
        className="field field--wide"
        aria-describedby={errors.paymentMethods ? 'payment-methods-error' : undefined}
      >
        <legend>{t('counter.settings.paymentMethods')}</legend>
        <div className="button-row">
          {PAYMENT_METHODS.map((method) => (
            <label key={method} className="checkbox">
              <input
                type="checkbox"
                checked={values.paymentMethods.includes(method)}
                onChange={(e) => toggle(method, e.target.checked)}
              />
              {t(`counter.methods.${method}`)}
            </label>
          ))}
        </div>
        {errors.paymentMethods && (
          <span id="payment-methods-error" className="field__error" role="alert">
            {errors.paymentMethods}
          </span>
        )}
      </fieldset>
    </div>
  );
}
