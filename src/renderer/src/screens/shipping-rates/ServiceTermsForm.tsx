import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { CarrierService } from '../../../../shared/contract/carriers';
import { TRANSIT_CALENDARS, type TransitCalendar } from '../../../../shared/shipping/rules';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import {
  amount,
  amountText,
  badAmounts,
  optionalWholeNumber,
  wholeNumber,
  zonesFromText,
  zonesText,
} from './form-values';

/** How a service charges and runs beyond its price list: volume, cut-off, calendar, surcharges. */
export function ServiceTermsForm({
  service,
  readOnly,
  onSaved,
}: {
  service: CarrierService;
  readOnly: boolean;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { client, currency } = useApi();
  const money = currency ?? 'CNY';
  const remoteId = useId();
  const [draft, setDraft] = useState({
    name: service.name,
    active: service.active,
    volumetricDivisor: String(service.volumetricDivisor),
    originCountry: service.originCountry,
    cutoffHour: String(service.cutoffHour),
    transitCalendar: service.transitCalendar,
    oversizeLongestMm: service.oversizeLongestMm === null ? '' : String(service.oversizeLongestMm),
    oversizeGirthMm: service.oversizeGirthMm === null ? '' : String(service.oversizeGirthMm),
    oversizeFee: amountText(service.oversizeFee, money),
    remoteFee: amountText(service.remoteFee, money),
    remoteAreas: zonesText(service.remoteAreas),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const field = (name: keyof typeof draft) => ({
    value: String(draft[name]),
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }),
    error: errors[name],
    disabled: readOnly,
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(
      contract.carriers.updateService.input,
      {
        id: service.id,
        name: draft.name,
        active: draft.active,
        volumetricDivisor: wholeNumber(draft.volumetricDivisor),
        originCountry: draft.originCountry,
        cutoffHour: wholeNumber(draft.cutoffHour),
        transitCalendar: draft.transitCalendar,
        oversizeLongestMm: optionalWholeNumber(draft.oversizeLongestMm),
        oversizeGirthMm: optionalWholeNumber(draft.oversizeGirthMm),
        oversizeFee: amount(draft.oversizeFee, money),
        remoteFee: amount(draft.remoteFee, money),
        remoteAreas: zonesFromText(draft.remoteAreas),
      },
      t,
    );
    if (!checked.ok) {
      const unreadable = badAmounts(
        draft,
        ['oversizeFee', 'remoteFee'],
        money,
        t('rates.settings.rules.invalidAmount'),
      );
      return setErrors({ ...checked.errors, ...unreadable });
    }
    try {
      await client.carriers.updateService(checked.data);
      setErrors({});
      setFailure(null);
      onSaved();
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    }
  }

  const remoteError = Object.entries(errors).find(([path]) => path.startsWith('remoteAreas'))?.[1];
  return (
    <section className="panel" aria-label={t('rates.settings.service.title', { service: service.name })}>
      <h2>{t('rates.settings.service.title', { service: service.name })}</h2>
      <form onSubmit={save} noValidate>
        {failure && <Notice kind="error">{failure}</Notice>}
        <div className="form-grid">
          <TextField label={t('rates.settings.name')} {...field('name')} />
          <TextField
            label={t('rates.settings.service.volumetricDivisor')}
            hint={t('rates.settings.service.volumetricDivisorHint')}
            inputMode="numeric"
            {...field('volumetricDivisor')}
          />
          <TextField
            label={t('rates.settings.service.originCountry')}
            hint={t('rates.settings.service.originCountryHint')}
            {...field('originCountry')}
          />
          <TextField
            label={t('rates.settings.service.cutoffHour')}
            hint={t('rates.settings.service.cutoffHourHint')}
            inputMode="numeric"
            {...field('cutoffHour')}
          />
          <SelectField
            label={t('rates.settings.service.transitCalendar')}
            value={draft.transitCalendar}
            disabled={readOnly}
            onChange={(e) => setDraft({ ...draft, transitCalendar: e.target.value as TransitCalendar })}
            options={TRANSIT_CALENDARS.map((c) => ({ value: c, label: t(`rates.settings.service.calendars.${c}`) }))}
          />
          <TextField
            label={t('rates.settings.service.oversizeLongestMm')}
            inputMode="numeric"
            {...field('oversizeLongestMm')}
          />
          <TextField
            label={t('rates.settings.service.oversizeGirthMm')}
            inputMode="numeric"
            {...field('oversizeGirthMm')}
          />
          <TextField label={t('rates.settings.service.oversizeFee')} inputMode="decimal" {...field('oversizeFee')} />
          <TextField label={t('rates.settings.service.remoteFee')} inputMode="decimal" {...field('remoteFee')} />
          <div className="field field--wide">
            <label htmlFor={remoteId}>{t('rates.settings.service.remoteAreas')}</label>
            <textarea
              id={remoteId}
              rows={3}
              className="mono"
              value={draft.remoteAreas}
              disabled={readOnly}
              onChange={(e) => setDraft({ ...draft, remoteAreas: e.target.value })}
              aria-invalid={remoteError ? true : undefined}
            />
            {remoteError ? (
              <span className="field__error" role="alert">
                {remoteError}
              </span>
            ) : (
              <span className="field__hint">{t('rates.settings.service.remoteAreasHint')}</span>
            )}
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.active}
              disabled={readOnly}
              onChange={(e) => setDraft({ ...draft, active: e.target.checked })}
            />
            {t('rates.settings.active')}
          </label>
        </div>
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('rates.settings.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
