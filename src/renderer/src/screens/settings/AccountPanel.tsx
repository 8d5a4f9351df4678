import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';

export function AccountPanel() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [values, setValues] = useState({ current: '', next: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(contract.auth.changeSecret.input, values, t);
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await client.auth.changeSecret(checked.data);
      setValues({ current: '', next: '' });
      setErrors({});
      setNotice({ kind: 'success', text: t('account.changed') });
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setNotice({ kind: 'error', text: errorText(error, t) });
    }
  }

  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={t('account.changeSecret')}>
      <h2>{user?.displayName}</h2>
      <p className="muted">
        <span className="mono">{user?.username}</span> · {user && t(`roles.${user.role}`)}
      </p>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <fieldset>
        <legend>{t('account.changeSecret')}</legend>
        <div className="form-grid">
          <TextField
            label={t('account.current')}
            type="password"
            value={values.current}
            onChange={(e) => setValues({ ...values, current: e.target.value })}
            error={errors.current}
            autoComplete="current-password"
          />
          <TextField
            label={t('account.next')}
            type="password"
            value={values.next}
            onChange={(e) => setValues({ ...values, next: e.target.value })}
            error={errors.next}
            hint={t('auth.secretHint')}
            autoComplete="new-password"
          />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('users.save')}
        </button>
      </div>
    </form>
  );
}
