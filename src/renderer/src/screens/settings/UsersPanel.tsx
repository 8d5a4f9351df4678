import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { User } from '../../../../shared/domain/user';
import { AppError } from '../../../../shared/errors';
import { ROLES, type Role } from '../../../../shared/roles';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { formatDateTime } from '../../components/formatting';
import { Notice } from '../../components/Notice';
import { PanelToolbar } from '../../components/PanelToolbar';

const EMPTY = { username: '', displayName: '', role: 'clerk' as Role, secret: '' };

export function UsersPanel() {
  const { t } = useTranslation();
  const { client, user: me } = useApi();
  const [users, setUsers] = useState<User[]>([]);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [resetting, setResetting] = useState<{ id: string; secret: string } | null>(null);
  const grantable = ROLES.filter((role) => me?.role === 'owner' || (role !== 'owner' && role !== 'manager'));

  const reload = useCallback(() => {
    client.users.list({}).then(setUsers, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }));
  }, [client, t]);
  useEffect(reload, [reload]);

  async function run(action: () => Promise<unknown>, success?: string) {
    try {
      await action();
      setNotice(success ? { kind: 'success', text: success } : null);
      reload();
      return true;
    } catch (error) {
      const lastOwner =
        error instanceof AppError && (error.details as { reason?: string } | undefined)?.reason === 'last-owner';
      setNotice({ kind: 'error', text: lastOwner ? t('errors.lastOwner') : errorText(error, t) });
      setErrors(serverFieldErrors(error, t));
      return false;
    }
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    const checked = checkForm(contract.users.create.input, draft, t);
    if (!checked.ok) return setErrors(checked.errors);
    if (await run(() => client.users.create(checked.data))) {
      setDraft(EMPTY);
      setErrors({});
      setAdding(false);
    }
  }

  async function resetSecret(event: FormEvent) {
    event.preventDefault();
    if (!resetting) return;
    const checked = checkForm(contract.users.resetSecret.input, resetting, t);
    if (!checked.ok) return setErrors(checked.errors);
    if (await run(() => client.users.resetSecret(checked.data), t('settings.saved'))) setResetting(null);
  }

  const mayManage = (user: User) => me?.role === 'owner' || (user.role !== 'owner' && user.role !== 'manager');

  return (
    <section className="panel" aria-label={t('users.title')}>
      <PanelToolbar
        title={t('users.title')}
        action={{ label: t('users.add'), onClick: () => setAdding(true), disabled: adding }}
      />
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {adding && (
        <form className="inline-form" onSubmit={create} noValidate aria-label={t('users.add')}>
          <div className="form-grid">
            <TextField
              label={t('users.displayName')}
              value={draft.displayName}
              onChange={(e) => setDraft({ ...draft, displayName: e.target.value })}
              error={errors.displayName}
              autoFocus
            />
            <TextField
              label={t('users.username')}
              value={draft.username}
              onChange={(e) => setDraft({ ...draft, username: e.target.value })}
              error={errors.username}
            />
            <SelectField
              label={t('users.role')}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
              options={grantable.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
            <TextField
              label={t('auth.secret')}
              type="password"
              value={draft.secret}
              onChange={(e) => setDraft({ ...draft, secret: e.target.value })}
              error={errors.secret}
              hint={t('auth.secretHint')}
              autoComplete="new-password"
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('users.create')}
            </button>
            <button type="button" className="button" onClick={() => (setAdding(false), setErrors({}))}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      )}
      {resetting && (
        <form className="inline-form" onSubmit={resetSecret} noValidate aria-label={t('users.resetSecret')}>
          <div className="form-grid">
            <TextField
              label={t('users.newSecret')}
              type="password"
              value={resetting.secret}
              onChange={(e) => setResetting({ ...resetting, secret: e.target.value })}
              error={errors.secret}
              hint={t('auth.secretHint')}
              autoFocus
              autoComplete="new-password"
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('users.save')}
            </button>
            <button type="button" className="button" onClick={() => setResetting(null)}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.active')}</th>
            <th scope="col">{t('users.lastSignIn')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : 'is-inactive'}>
              <td className="mono">{user.username}</td>
              <td>{user.displayName}</td>
              <td>
                {mayManage(user) && user.id !== me?.id ? (
                  <select
                    aria-label={`${t('users.role')}: ${user.username}`}
                    value={user.role}
                    onChange={(e) => void run(() => client.users.update({ id: user.id, role: e.target.value as Role }))}
                  >
                    {grantable.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`roles.${user.role}`)
                )}
              </td>
              <td>{user.active ? t('common.yes') : t('users.inactive')}</td>
              <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('users.never')}</td>
              <td className="table__actions">
                {mayManage(user) && user.id !== me?.id && (
                  <>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => void run(() => client.users.update({ id: user.id, active: !user.active }))}
                    >
                      {user.active ? t('users.deactivate') : t('users.reactivate')}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setResetting({ id: user.id, secret: '' })}
                    >
                      {t('users.resetSecret')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
