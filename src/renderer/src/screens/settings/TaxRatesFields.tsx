import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/domain/settings';
import { ROUNDING_MODES } from '../../../../shared/domain/rounding';
import { SelectField } from '../../components/Field';
import type { FieldErrors } from '../../components/form-errors';

type Rate = Settings['taxRates'][number];

/** "13" or "6.5" (per cent, up to two decimals) → basis points; null when it is not a rate. */
export function basisPoints(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return value <= 10_000 ? value : null;
}

const percent = (bp: number) => String(bp / 100);

/** The tax class rates products are priced with, and the rounding rule (docs/pricing.md). */
export function TaxRatesFields({
  rates,
  rounding,
  errors,
  onChange,
  onValidity,
}: {
  rates: Rate[];
  rounding: Settings['rounding'];
  errors: FieldErrors;
  onChange(change: Partial<Pick<Settings, 'taxRates' | 'rounding'>>): void;
  /** False while a rate box holds text that is not a rate, so the form is not saved with the old rate. */
  onValidity(valid: boolean): void;
}) {
  const { t } = useTranslation();
  // What is typed in each rate box, so "6." can be on its way to "6.5".
  const [typed, setTyped] = useState<Record<number, string>>({});
  const setRate = (index: number, change: Partial<Rate>) =>
    onChange({ taxRates: rates.map((r, i) => (i === index ? { ...r, ...change } : r)) });

  return (
    <>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('settings.taxClass')}</th>
            <th scope="col">{t('settings.taxRate')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rates.map((rate, index) => {
            const text = typed[index] ?? percent(rate.rateBasisPoints);
            const invalid = basisPoints(text) === null;
            return (
              <tr key={index}>
                <td>
                  <input
                    aria-label={`${t('settings.taxClass')} ${index + 1}`}
                    value={rate.taxClass}
                    onChange={(e) => setRate(index, { taxClass: e.target.value })}
                    aria-invalid={errors[`taxRates.${index}.taxClass`] ? true : undefined}
                  />
                  {errors[`taxRates.${index}.taxClass`] && (
                    <span className="field__error" role="alert">
                      {errors[`taxRates.${index}.taxClass`]}
                    </span>
                  )}
                </td>
                <td>
                  <input
                    aria-label={`${t('settings.taxRate')} ${rate.taxClass}`}
                    className="input--narrow"
                    inputMode="decimal"
                    value={text}
                    aria-invalid={invalid || undefined}
                    onChange={(e) => {
                      const next = { ...typed, [index]: e.target.value };
                      setTyped(next);
                      onValidity(Object.values(next).every((value) => basisPoints(value) !== null));
                      const bp = basisPoints(e.target.value);
                      if (bp !== null) setRate(index, { rateBasisPoints: bp });
                    }}
                  />{' '}
                  {t('settings.percent')}
                </td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      setTyped({});
                      onValidity(true);
                      onChange({ taxRates: rates.filter((_, i) => i !== index) });
                    }}
                  >
                    {t('settings.removeRate')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="form-actions form-actions--gap">
        <button
          type="button"
          className="button"
          onClick={() => onChange({ taxRates: [...rates, { taxClass: '', rateBasisPoints: 0 }] })}
        >
          {t('settings.addRate')}
        </button>
      </div>
      <div className="form-grid">
        <SelectField
          label={t('settings.rounding')}
          value={rounding}
          onChange={(e) => onChange({ rounding: e.target.value as Settings['rounding'] })}
          options={ROUNDING_MODES.map((mode) => ({ value: mode, label: t(`settings.roundingModes.${mode}`) }))}
        />
      </div>
    </>
  );
}
