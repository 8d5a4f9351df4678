import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../../shared/contract/api-tokens';
import { contract } from '../../../../shared/contract';
import type { User } from '../../../../shared/domain/user';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { checkForm, errorText, type FieldErrors } from '../../components/form-errors';
import { formatDateTime } from '../../components/formatting';
import { Notice } from '../../components/Notice';

export function ApiTokensPanel() {
  const { t } = useTranslation();
  const { client } = useApi();
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [draft, setDraft] = useState({ name: '', userId: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(() => {
    client.apiTokens.list({}).then(setTokens, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, t]);
  useEffect(() => {
    reload();
    client.users.list({}).then(
      (list) => {
        const active = list.filter((user) => user.active);
        setUsers(active);
        setDraft((d) => ({ ...d, userId: d.userId || active[0]?.id || '' }));
      },
      (error: unknown) => setFailure(errorText(error, t)),
    );
  }, [client, reload, t]);

  async function create(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(contract.apiTokens.create.input, draft, t);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const result = await client.apiTokens.create(checked.data);
      setCreated(result.token);
      setDraft({ ...draft, name: '' });
      setFailure(null);
      reload();
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  async function revoke(id: string) {
    try {
      await client.apiTokens.revoke({ id });
      reload();
    } catch (error) {
      setFailure(errorText(error, t));
    }
  }

  return (
    <section className="panel" aria-label={t('apiTokens.title')}>
      <h2>{t('apiTokens.title')}</h2>
      <p className="muted">{t('apiTokens.intro')}</p>
      {failure && <Notice kind="error">{failure}</Notice>}
      {created && (
        <Notice kind="success">
          {t('apiTokens.copyNow')} <code className="token">{created}</code>
        </Notice>
      )}
      <form className="inline-form inline-form--row" onSubmit={create} noValidate aria-label={t('apiTokens.create')}>
        <TextField
          label={t('apiTokens.name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          error={errors.name}
        />
        <SelectField
          label={t('apiTokens.user')}
          value={draft.userId}
          onChange={(e) => setDraft({ ...draft, userId: e.target.value })}
          options={users.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
        />
        <button type="submit" className="button button--primary">
          {t('apiTokens.create')}
        </button>
      </form>
      {tokens.length === 0 ? (
        <p className="muted">{t('apiTokens.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('apiTokens.name')}</th>
              <th scope="col">{t('apiTokens.user')}</th>
              <th scope="col">{t('apiTokens.created')}</th>
              <th scope="col">{t('apiTokens.lastUsed')}</th>
              <th scope="col">{t('apiTokens.status')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} className={token.revokedAt ? 'is-inactive' : undefined}>
                <td>{token.name}</td>
                <td className="mono">{token.username}</td>
                <td>{formatDateTime(token.createdAt)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('users.never')}</td>
                <td>{token.revokedAt ? t('apiTokens.revoked') : t('apiTokens.activeStatus')}</td>
                <td className="table__actions">
                  {!token.revokedAt && (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => void revoke(token.id)}
                    >
                      {t('apiTokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
