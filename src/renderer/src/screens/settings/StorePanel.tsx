import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract';
import { settingsSchema, type Settings } from '../../../../shared/domain/settings';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { StoreMoneyFields } from '../StoreMoneyFields';
import { CounterSettingsFields } from './CounterSettingsFields';
import { TaxRatesFields } from './TaxRatesFields';

type AddressKey = keyof Settings['address'];
type SettingsChange = InputOf<'settings.update'>;
const ADDRESS_FIELDS: AddressKey[] = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'];

export function StorePanel() {
  const { t } = useTranslation();
  const { client, user, storeSaved } = useApi();
  const [values, setValues] = useState<Settings | null>(null);
  // What the server last said: only fields that differ from it are sent, so two people
  // editing different settings at once do not undo each other's change.
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [taxTextValid, setTaxTextValid] = useState(true);
  const [limitTextValid, setLimitTextValid] = useState(true);
  const mayEdit = user?.role === 'owner' || user?.role === 'manager';

  useEffect(() => {
    client.settings.get({}).then(
      (current) => {
        setValues(current);
        setLoaded(current);
      },
      (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }),
    );
  }, [client, t]);

  if (!values || !loaded) return <p className="muted">{t('common.loading')}</p>;

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setValues({ ...values, [key]: value });
  const setAddress = (key: AddressKey, value: string) => set('address', { ...values.address, [key]: value });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!values || !loaded) return;
    if (!taxTextValid || !limitTextValid) {
      setNotice({ kind: 'error', text: t('errors.VALIDATION') });
      return;
    }
    const checked = checkForm(settingsSchema, values, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice({ kind: 'error', text: t('errors.VALIDATION') });
      return;
    }
    setBusy(true);
    try {
      const saved = await client.settings.update(changedSettings(loaded, checked.data));
      setValues(saved);
      setLoaded(saved);
      storeSaved(saved);
      setErrors({});
      setNotice({ kind: 'success', text: t('settings.saved') });
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={save} noValidate aria-label={t('settings.tabs.store')}>
      {!mayEdit && <Notice kind="info">{t('settings.readOnly')}</Notice>}
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <fieldset disabled={!mayEdit || busy}>
        <legend>{t('settings.tabs.store')}</legend>
        <div className="form-grid">
          <TextField
            label={t('settings.storeName')}
            value={values.storeName}
            onChange={(e) => set('storeName', e.target.value)}
            error={errors.storeName}
            wide
          />
          <TextField
            label={t('settings.phone')}
            value={values.phone}
            onChange={(e) => set('phone', e.target.value)}
            error={errors.phone}
            type="tel"
          />
          <TextField
            label={t('settings.email')}
            value={values.email}
            onChange={(e) => set('email', e.target.value)}
            error={errors.email}
            type="email"
          />
        </div>
      </fieldset>
      <fieldset disabled={!mayEdit || busy}>
        <legend>{t('settings.address')}</legend>
        <div className="form-grid">
          {ADDRESS_FIELDS.map((key) => (
            <TextField
              key={key}
              label={t(`settings.${key}`)}
              value={values.address[key]}
              onChange={(e) => setAddress(key, e.target.value)}
              error={errors[`address.${key}`]}
              wide={key === 'line1'}
            />
          ))}
        </div>
      </fieldset>
      <fieldset disabled={!mayEdit || busy}>
        <legend>{t('settings.money')}</legend>
        <div className="form-grid">
          <StoreMoneyFields
            values={values}
            onChange={(change) => setValues({ ...values, ...change })}
            currencyError={errors.currency}
          />
        </div>
      </fieldset>
      <fieldset disabled={!mayEdit || busy}>
        <legend>{t('settings.tax')}</legend>
        {errors.taxRates && <Notice kind="error">{errors.taxRates}</Notice>}
        <TaxRatesFields
          rates={values.taxRates}
          rounding={values.rounding}
          errors={errors}
          onChange={(change) => setValues({ ...values, ...change })}
          onValidity={setTaxTextValid}
        />
      </fieldset>
      <fieldset disabled={!mayEdit || busy}>
        <legend>{t('counter.settings.title')}</legend>
        <CounterSettingsFields
          values={values}
          errors={errors}
          onChange={(change) => setValues({ ...values, ...change })}
          onValidity={setLimitTextValid}
        />
      </fieldset>
      {mayEdit && (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('settings.save')}
          </button>
        </div>
      )}
    </form>
  );
}

function changedSettings(loaded: Settings, edited: Settings): SettingsChange {
  const change: SettingsChange = {};
  for (const key of Object.keys(edited) as Array<keyof Settings>) {
    if (key === 'address') continue;
    if (JSON.stringify(edited[key]) !== JSON.stringify(loaded[key])) Object.assign(change, { [key]: edited[key] });
  }
  const address = Object.fromEntries(
    Object.entries(edited.address).filter(([key, value]) => loaded.address[key as AddressKey] !== value),
  );
  if (Object.keys(address).length > 0) change.address = address;
  return change;
}
