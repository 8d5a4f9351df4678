import { useTranslation } from 'react-i18next';
import { LOCALES, type Settings } from '../../../shared/domain/settings';
import { SelectField } from '../components/Field';

type MoneyAndLanguage = Pick<Settings, 'currency' | 'locale' | 'pricesIncludeTax'>;

/** The usual currencies first, then every ISO 4217 code the runtime knows, named in the UI's language. */
const FIRST_CURRENCIES = ['CNY', 'HKD', 'TWD', 'USD', 'EUR', 'GBP', 'JPY'];

function currencyOptions(language: string): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([language], { type: 'currency' });
  const rest = Intl.supportedValuesOf('currency').filter((code) => !FIRST_CURRENCIES.includes(code));
  return [...FIRST_CURRENCIES, ...rest].map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}

/** Currency, document language and tax-inclusive prices: asked at first run and in Settings alike. */
export function StoreMoneyFields({
  values,
  onChange,
  currencyError,
}: {
  values: MoneyAndLanguage;
  onChange(change: Partial<MoneyAndLanguage>): void;
  currencyError?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <SelectField
        label={t('settings.currency')}
        value={values.currency}
        onChange={(e) => onChange({ currency: e.target.value })}
        options={currencyOptions(i18n.language)}
        error={currencyError}
      />
      <SelectField
        label={t('settings.locale')}
        value={values.locale}
        onChange={(e) => onChange({ locale: e.target.value as Settings['locale'] })}
        options={LOCALES.map((locale) => ({
          value: locale,
          label: locale === 'en' ? t('language.en') : t('language.zh'),
        }))}
      />
      <SelectField
        label={t('settings.prices')}
        value={values.pricesIncludeTax ? 'inclusive' : 'exclusive'}
        onChange={(e) => onChange({ pricesIncludeTax: e.target.value === 'inclusive' })}
        options={[
          { value: 'inclusive', label: t('settings.pricesInclusive') },
          { value: 'exclusive', label: t('settings.pricesExclusive') },
        ]}
      />
    </>
  );
}
