import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { Settings } from '../../../shared/domain/settings';
import { useApi } from '../api/ApiContext';
import { TextField } from '../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../components/form-errors';
import { Notice } from '../components/Notice';
import { Gate } from '../components/Gate';
import { StoreMoneyFields } from './StoreMoneyFields';

/** First run: the owner account and the shop's essentials, in one step. */
export function SetupScreen() {
  const { t, i18n } = useTranslation();
  const { client, setSession } = useApi();
  const [values, setValues] = useState({
    username: 'owner',
    displayName: '',
    secret: '',
    repeat: '',
    storeName: '',
    currency: 'CNY',
    locale: i18n.language === 'zh-CN' ? 'zh-CN' : 'en',
    pricesIncludeTax: true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values) => (value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      owner: { username: values.username, displayName: values.displayName, secret: values.secret },
      store: {
        storeName: values.storeName,
        currency: values.currency,
        locale: values.locale,
        pricesIncludeTax: values.pricesIncludeTax,
      },
    };
    const checked = checkForm(contract.auth.setup.input, input, t);
    const found: FieldErrors = checked.ok ? {} : checked.errors;
    if (values.secret !== values.repeat) found['repeat'] = t('auth.secretMismatch');
    setErrors(found);
    if (!checked.ok || found['repeat']) return;
    setBusy(true);
    setFailure(null);
    try {
      const session = await client.auth.setup(checked.data);
      setSession(session);
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Gate wide onSubmit={submit}>
      <h1>{t('auth.setupTitle')}</h1>
      <p className="muted">{t('auth.setupIntro')}</p>
      {failure && <Notice kind="error">{failure}</Notice>}
      <fieldset>
        <legend>{t('auth.ownerSection')}</legend>
        <div className="form-grid">
          <TextField
            label={t('auth.displayName')}
            value={values.displayName}
            onChange={(e) => set('displayName')(e.target.value)}
            error={errors['owner.displayName']}
            autoFocus
          />
          <TextField
            label={t('auth.username')}
            value={values.username}
            onChange={(e) => set('username')(e.target.value)}
            error={errors['owner.username']}
            autoComplete="username"
          />
          <TextField
            label={t('auth.secret')}
            type="password"
            value={values.secret}
            onChange={(e) => set('secret')(e.target.value)}
            error={errors['owner.secret']}
            hint={t('auth.secretHint')}
            autoComplete="new-password"
          />
          <TextField
            label={t('auth.secretRepeat')}
            type="password"
            value={values.repeat}
            onChange={(e) => set('repeat')(e.target.value)}
            error={errors['repeat']}
            autoComplete="new-password"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('auth.storeSection')}</legend>
        <div className="form-grid">
          <TextField
            label={t('settings.storeName')}
            value={values.storeName}
            onChange={(e) => set('storeName')(e.target.value)}
            error={errors['store.storeName']}
            wide
          />
          <StoreMoneyFields
            values={{ ...values, locale: values.locale as Settings['locale'] }}
            onChange={(change) => setValues((v) => ({ ...v, ...change }))}
            currencyError={errors['store.currency']}
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('auth.createShop')}
        </button>
      </div>
    </Gate>
  );
}
