import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEMAND_BUCKETS,
  replenishmentSettingsSchema,
  type ReplenishmentSettings,
} from '../../../../shared/domain/forecasts';
import { moneyInputValue, parseMoney } from '../../../../shared/money';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The replenishment policy, for owners and managers: what every suggestion is computed with. */
export function PolicyForm({
  policy,
  onSaved,
}: {
  policy: ReplenishmentSettings;
  onSaved(next: ReplenishmentSettings): void;
}) {
  const { t } = useTranslation();
  const { client, currency } = useApi();
  const money = currency ?? 'CNY';
  const [values, setValues] = useState({
    serviceLevelPercent: String(policy.serviceLevelPercent),
    orderingCost: moneyInputValue(policy.orderingCost, money),
    holdingRatePercent: String(policy.holdingRatePercent),
    defaultLeadTimeDays: String(policy.defaultLeadTimeDays),
    bucket: policy.bucket,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: e.target.value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = checkForm(
      replenishmentSettingsSchema,
      {
        serviceLevelPercent: number(values.serviceLevelPercent),
        orderingCost: parseMoney(values.orderingCost, money) ?? Number.NaN,
        holdingRatePercent: number(values.holdingRatePercent),
        defaultLeadTimeDays: number(values.defaultLeadTimeDays),
        bucket: values.bucket,
      },
      t,
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      onSaved(await client.forecasts.updateSettings(checked.data));
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    }
  }

  return (
    <form
      className="inline-form inline-form--row"
      aria-label={t('forecasts.policy.title')}
      onSubmit={(e) => void save(e)}
      noValidate
    >
      <TextField
        label={t('forecasts.policy.serviceLevel')}
        inputMode="decimal"
        value={values.serviceLevelPercent}
        onChange={set('serviceLevelPercent')}
        error={errors.serviceLevelPercent}
      />
      <TextField
        label={t('forecasts.policy.orderingCost')}
        inputMode="decimal"
        value={values.orderingCost}
        onChange={set('orderingCost')}
        error={errors.orderingCost}
      />
      <TextField
        label={t('forecasts.policy.holdingRate')}
        inputMode="decimal"
        value={values.holdingRatePercent}
        onChange={set('holdingRatePercent')}
        error={errors.holdingRatePercent}
      />
      <TextField
        label={t('forecasts.policy.leadTime')}
        inputMode="numeric"
        value={values.defaultLeadTimeDays}
        onChange={set('defaultLeadTimeDays')}
        error={errors.defaultLeadTimeDays}
      />
      <SelectField
        label={t('forecasts.policy.bucket')}
        value={values.bucket}
        onChange={set('bucket')}
        options={DEMAND_BUCKETS.map((b) => ({ value: b, label: t(`forecasts.buckets.${b}`) }))}
      />
      <button type="submit" className="button button--primary">
        {t('forecasts.policy.save')}
      </button>
      {failure && <Notice kind="error">{failure}</Notice>}
    </form>
  );
}
