import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { Supplier } from '../../../../shared/domain/catalog';
import { useApi } from '../../api/ApiContext';
import { TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { PanelToolbar } from '../../components/PanelToolbar';

const EMPTY = { name: '', contactName: '', email: '', phone: '', leadTimeDays: '' };

export function SuppliersPanel() {
  const { t } = useTranslation();
  const { client, user } = useApi();
  const [suppliers, setSuppliers] = useState<Supplier[]>([]);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const mayManage = user?.role === 'owner' || user?.role === 'manager';

  const reload = useCallback(() => {
    client.suppliers.list({}).then(setSuppliers, (error: unknown) => setFailure(errorText(error, t)));
  }, [client, t]);
  useEffect(reload, [reload]);

  async function create(event: FormEvent) {
    event.preventDefault();
    const lead = draft.leadTimeDays.trim();
    if (lead !== '' && !/^\d+$/.test(lead)) return setErrors({ leadTimeDays: t('validation.wholeNumber') });
    const checked = checkForm(
      contract.suppliers.create.input,
      { ...draft, leadTimeDays: lead === '' ? null : Number(lead) },
      t,
    );
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await client.suppliers.create(checked.data);
      setDraft(EMPTY);
      setErrors({});
      setAdding(false);
      reload();
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    }
  }

  const field = (key: keyof typeof EMPTY, extra: { autoFocus?: boolean; type?: string } = {}) => (
    <TextField
      label={t(`stock.suppliers.${key}`)}
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      error={errors[key]}
      {...extra}
    />
  );

  return (
    <section className="panel" aria-label={t('stock.suppliers.title')}>
      <PanelToolbar
        title={t('stock.suppliers.title')}
        action={
          mayManage ? { label: t('stock.suppliers.add'), onClick: () => setAdding(true), disabled: adding } : undefined
        }
      />
      {failure && <Notice kind="error">{failure}</Notice>}
      {adding && (
        <form className="inline-form" onSubmit={create} noValidate aria-label={t('stock.suppliers.add')}>
          <div className="form-grid">
            {field('name', { autoFocus: true })}
            {field('contactName')}
            {field('email', { type: 'email' })}
            {field('phone')}
            {field('leadTimeDays')}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('stock.suppliers.create')}
            </button>
            <button type="button" className="button" onClick={() => setAdding(false)}>
              {t('users.cancel')}
            </button>
          </div>
        </form>
      )}
      {suppliers.length === 0 && !adding ? (
        <p className="muted">{t('stock.suppliers.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('stock.suppliers.name')}</th>
              <th scope="col">{t('stock.suppliers.contactName')}</th>
              <th scope="col">{t('stock.suppliers.email')}</th>
              <th scope="col">{t('stock.suppliers.phone')}</th>
              <th scope="col" className="num">
                {t('stock.suppliers.leadTimeDays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {suppliers.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'is-inactive'}>
                <td>{s.name}</td>
                <td>{s.contactName}</td>
                <td>{s.email}</td>
                <td>{s.phone}</td>
                <td className="num">{s.leadTimeDays ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
