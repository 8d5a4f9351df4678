import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { RateRule } from '../../../../shared/shipping/rules';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { amount, amountText, badAmounts, optionalAmount, optionalWholeNumber, wholeNumber, words } from './form-values';

const MONEY_FIELDS = ['basePrice', 'stepPrice', 'minimumCharge', 'freeOver'] as const;

function draftOf(rule: RateRule | null, currency: string) {
  return {
    zoneName: rule?.zoneName ?? '',
    countries: rule?.zone.countries.join(' ') ?? 'CN',
    regions: rule?.zone.regions.join(' ') ?? '',
    postcodePrefixes: rule?.zone.postcodePrefixes.join(' ') ?? '',
    minWeightGrams: String(rule?.minWeightGrams ?? 0),
    maxWeightGrams: rule ? (rule.maxWeightGrams === null ? '' : String(rule.maxWeightGrams)) : '30000',
    baseWeightGrams: String(rule?.baseWeightGrams ?? 1000),
    basePrice: amountText(rule?.basePrice ?? 0, currency),
    stepGrams: String(rule?.stepGrams ?? 1000),
    stepPrice: amountText(rule?.stepPrice ?? 0, currency),
    minimumCharge: amountText(rule?.minimumCharge ?? 0, currency),
    freeOver: amountText(rule?.freeOver ?? null, currency),
    transitDaysMin: String(rule?.transitDaysMin ?? 1),
    transitDaysMax: String(rule?.transitDaysMax ?? 3),
  };
}

/** One rate rule: its zone, weight bracket, first-weight and step prices, minimum, free-over and transit days. */
export function RateRuleForm({
  serviceId,
  rule,
  rules,
  onSaved,
  onCancel,
}: {
  serviceId: string;
  /** Null for a new rule. */
  rule: RateRule | null;
  /** The service's rules, to name the one a clash is with. */
  rules: RateRule[];
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { client, currency } = useApi();
  const money = currency ?? 'CNY';
  const [draft, setDraft] = useState(() => draftOf(rule, money));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const field = (name: keyof typeof draft, path: string = name) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
    error: errors[path],
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    const values = {
      zoneName: draft.zoneName,
      zone: {
        countries: words(draft.countries),
        regions: words(draft.regions),
        postcodePrefixes: words(draft.postcodePrefixes),
      },
      minWeightGrams: wholeNumber(draft.minWeightGrams),
      maxWeightGrams: optionalWholeNumber(draft.maxWeightGrams),
      baseWeightGrams: wholeNumber(draft.baseWeightGrams),
      basePrice: amount(draft.basePrice, money),
      stepGrams: wholeNumber(draft.stepGrams),
      stepPrice: amount(draft.stepPrice, money),
      minimumCharge: amount(draft.minimumCharge || '0', money),
      freeOver: optionalAmount(draft.freeOver, money),
      transitDaysMin: wholeNumber(draft.transitDaysMin),
      transitDaysMax: wholeNumber(draft.transitDaysMax),
    };
    const unreadable = badAmounts(draft, MONEY_FIELDS, money, t('rates.settings.rules.invalidAmount'));
    const checked = rule
      ? checkForm(contract.rates.updateRule.input, { ...values, id: rule.id }, t)
      : checkForm(contract.rates.createRule.input, { ...values, serviceId }, t);
    if (!checked.ok) return setErrors({ ...checked.errors, ...unreadable });
    try {
      if (rule) await client.rates.updateRule({ ...values, id: rule.id });
      else await client.rates.createRule({ ...values, serviceId });
      onSaved();
    } catch (error) {
      const clashesWith =
        error instanceof AppError && error.code === 'CONFLICT'
          ? (error.details as { clashesWith?: string } | undefined)?.clashesWith
          : undefined;
      if (clashesWith) {
        const zone = rules.find((r) => r.id === clashesWith)?.zoneName ?? '';
        setErrors({ 'zone.countries': t('rates.settings.rules.clash', { zone }) });
        setFailure(null);
        return;
      }
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    }
  }

  const label = rule ? `${t('rates.settings.edit')}: ${rule.zoneName}` : t('rates.settings.rules.add');
  return (
    <form className="inline-form" onSubmit={save} noValidate aria-label={label}>
      {failure && <Notice kind="error">{failure}</Notice>}
      <div className="form-grid">
        <TextField label={t('rates.settings.rules.zoneName')} autoFocus {...field('zoneName')} />
        <TextField
          label={t('rates.settings.rules.countries')}
          hint={t('rates.settings.rules.countriesHint')}
          {...field('countries', 'zone.countries')}
        />
        <TextField
          label={t('rates.settings.rules.regions')}
          hint={t('rates.settings.rules.regionsHint')}
          {...field('regions', 'zone.regions')}
        />
        <TextField
          label={t('rates.settings.rules.postcodePrefixes')}
          hint={t('rates.settings.rules.postcodePrefixesHint')}
          {...field('postcodePrefixes', 'zone.postcodePrefixes')}
        />
        <TextField label={t('rates.settings.rules.minWeight')} inputMode="numeric" {...field('minWeightGrams')} />
        <TextField
          label={t('rates.settings.rules.maxWeight')}
          hint={t('rates.settings.rules.maxWeightHint')}
          inputMode="numeric"
          {...field('maxWeightGrams')}
        />
        <TextField label={t('rates.settings.rules.baseWeight')} inputMode="numeric" {...field('baseWeightGrams')} />
        <TextField label={t('rates.settings.rules.basePrice')} inputMode="decimal" {...field('basePrice')} />
        <TextField label={t('rates.settings.rules.stepGrams')} inputMode="numeric" {...field('stepGrams')} />
        <TextField label={t('rates.settings.rules.stepPrice')} inputMode="decimal" {...field('stepPrice')} />
        <TextField label={t('rates.settings.rules.minimumCharge')} inputMode="decimal" {...field('minimumCharge')} />
        <TextField
          label={t('rates.settings.rules.freeOver')}
          hint={t('rates.settings.rules.freeOverHint')}
          inputMode="decimal"
          {...field('freeOver')}
        />
        <TextField label={t('rates.settings.rules.transitMin')} inputMode="numeric" {...field('transitDaysMin')} />
        <TextField label={t('rates.settings.rules.transitMax')} inputMode="numeric" {...field('transitDaysMax')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('rates.settings.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('rates.settings.cancel')}
        </button>
      </div>
    </form>
  );
}
