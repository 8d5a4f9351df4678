import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../shared/errors';
import { useApi } from '../api/ApiContext';
import { TextField } from '../components/Field';
import { errorText } from '../components/form-errors';
import { Notice } from '../components/Notice';
import { Gate } from '../components/Gate';

export function SignInScreen({ storeName }: { storeName: string | null }) {
  const { t } = useTranslation();
  const { client, setSession } = useApi();
  const [username, setUsername] = useState(() => localStorage.getItem('oms.lastUsername') ?? '');
  const [secret, setSecret] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const session = await client.auth.signIn({ username, secret });
      localStorage.setItem('oms.lastUsername', session.user.username);
      setSession(session);
    } catch (error) {
      setSecret('');
      const retry =
        error instanceof AppError
          ? (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds
          : undefined;
      if (retry) setFailure(t('auth.wait', { seconds: retry }));
      else if (error instanceof AppError && (error.code === 'UNAUTHORIZED' || error.code === 'VALIDATION'))
        setFailure(t('auth.wrong'));
      else setFailure(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Gate onSubmit={submit}>
      <div className="gate__brand">{storeName ?? t('app.name')}</div>
      <h1>{t('auth.signInTitle')}</h1>
      {failure && <Notice kind="error">{failure}</Notice>}
      <TextField
        label={t('auth.username')}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        autoComplete="username"
        autoFocus={!username}
      />
      <TextField
        label={t('auth.secret')}
        type="password"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        autoComplete="current-password"
        autoFocus={Boolean(username)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--block" disabled={busy || !username || !secret}>
          {t('auth.signIn')}
        </button>
      </div>
    </Gate>
  );
}
