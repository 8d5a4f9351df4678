import { ArrowLeft } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { Address, Customer } from '../../../../shared/domain/customers';
import { useApi } from '../../api/ApiContext';
import { SelectField, TextField } from '../../components/Field';
import { checkForm, errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { Notice } from '../../components/Notice';
import { go } from '../../components/useHashPath';
import { useDebounced } from '../../components/useDebounced';
import { CustomerOrders } from '../orders/CustomerOrders';

type Draft = { name: string; phone: string; email: string; tags: string; notes: string; addresses: Address[] };

const EMPTY_ADDRESS: Address = {
  kind: 'shipping',
  recipient: '',
  phone: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'CN',
  isDefault: false,
};

function toDraft(customer: Customer | null): Draft {
  return {
    name: customer?.name ?? '',
    phone: customer?.phone ?? '',
    email: customer?.email ?? '',
    tags: customer?.tags.join(', ') ?? '',
    notes: customer?.notes ?? '',
    addresses: customer?.addresses ?? [],
  };
}

const ADDRESS_FIELDS = ['recipient', 'phone', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/** One customer: details, addresses, and a warning when they look like someone already known. */
export function CustomerDetail({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [edited, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [duplicates, setDuplicates] = useState<Customer[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!customerId) return;
    client.customers
      .get({ id: customerId })
      .then(setCustomer, (error: unknown) => setNotice({ kind: 'error', text: errorText(error, t) }));
  }, [client, customerId, t]);

  const draft = customer || !customerId ? (edited ?? toDraft(customer)) : null;
  const contact = useDebounced(`${draft?.phone ?? ''}\u0000${draft?.email ?? ''}`, 300);
  useEffect(() => {
    const [phone, email] = contact.split('\u0000');
    if (!phone && !email) return;
    client.customers
      .findDuplicates({ phone, email, excludeId: customerId ?? undefined })
      .then(setDuplicates, () => setDuplicates([]));
  }, [client, contact, customerId]);

  if (!draft)
    return notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : <p className="muted">{t('common.loading')}</p>;
  // Each change builds on the latest edit, so two quick ones never undo each other.
  const set = (change: Partial<Draft> | ((current: Draft) => Partial<Draft>)) =>
    setDraft((current) => {
      const base = current ?? draft;
      return { ...base, ...(typeof change === 'function' ? change(base) : change) };
    });
  const setAddress = (index: number, change: Partial<Address>) =>
    set((current) => ({ addresses: current.addresses.map((a, i) => (i === index ? { ...a, ...change } : a)) }));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const input = {
      name: draft.name,
      phone: draft.phone,
      email: draft.email,
      tags: draft.tags
        .split(/[,，]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
      notes: draft.notes,
      addresses: draft.addresses,
    };
    const checked = checkForm(contract.customers.create.input, input, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice({ kind: 'error', text: t('errors.VALIDATION') });
      return;
    }
    setBusy(true);
    try {
      if (customer) {
        setCustomer(await client.customers.update({ id: customer.id, ...checked.data }));
        setDraft(null);
        setNotice({ kind: 'success', text: t('customers.saved') });
      } else {
        const created = await client.customers.create(checked.data);
        go('customers', created.customer.id);
      }
      setErrors({});
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setNotice({ kind: 'error', text: errorText(error, t) });
    } finally {
      setBusy(false);
    }
  }

  const walkIn = customer?.isWalkIn ?? false;

  return (
    <div className="detail">
      <div className="detail__header">
        <a href="#/customers" className="button button--ghost">
          <ArrowLeft size={14} aria-hidden="true" />
          {t('customers.back')}
        </a>
        <h2>{customer ? (walkIn ? t('customers.walkIn') : customer.name) : t('customers.titleNew')}</h2>
      </div>
      {walkIn && <Notice kind="info">{t('customers.walkInNote')}</Notice>}
      <form className="panel" onSubmit={save} noValidate aria-label={t('customers.details')}>
        {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
        {duplicates.length > 0 && (
          <Notice kind="info">
            {t('customers.duplicates')}{' '}
            {duplicates.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                <a href={`#/customers/${d.id}`}>
                  {d.name} {d.phone && `(${d.phone})`}
                </a>
              </span>
            ))}
          </Notice>
        )}
        <fieldset disabled={busy || walkIn}>
          <legend>{t('customers.details')}</legend>
          <div className="form-grid">
            <TextField
              label={t('customers.name')}
              value={draft.name}
              onChange={(e) => set({ name: e.target.value })}
              error={errors.name}
              wide
              autoFocus={!customer}
            />
            <TextField
              label={t('customers.phone')}
              type="tel"
              value={draft.phone}
              onChange={(e) => set({ phone: e.target.value })}
              error={errors.phone}
            />
            <TextField
              label={t('customers.email')}
              type="email"
              value={draft.email}
              onChange={(e) => set({ email: e.target.value })}
              error={errors.email}
            />
            <TextField
              label={t('customers.tags')}
              hint={t('customers.tagsHint')}
              value={draft.tags}
              onChange={(e) => set({ tags: e.target.value })}
            />
            <TextField
              label={t('customers.notes')}
              value={draft.notes}
              onChange={(e) => set({ notes: e.target.value })}
            />
          </div>
        </fieldset>
        <fieldset disabled={busy || walkIn}>
          <legend>{t('customers.addresses')}</legend>
          {draft.addresses.length === 0 && <p className="muted">{t('customers.noAddresses')}</p>}
          {draft.addresses.map((address, index) => (
            <div
              key={index}
              className="inline-form"
              role="group"
              aria-label={`${t('customers.addresses')} ${index + 1}`}
            >
              <div className="form-grid form-grid--4">
                <SelectField
                  label={t('customers.kind')}
                  value={address.kind}
                  onChange={(e) => setAddress(index, { kind: e.target.value as Address['kind'] })}
                  options={[
                    { value: 'shipping', label: t('customers.kinds.shipping') },
                    { value: 'billing', label: t('customers.kinds.billing') },
                  ]}
                />
                {ADDRESS_FIELDS.map((field) => (
                  <TextField
                    key={field}
                    label={t(`customers.${field}`)}
                    value={address[field]}
                    onChange={(e) => setAddress(index, { [field]: e.target.value })}
                    error={errors[`addresses.${index}.${field}`]}
                  />
                ))}
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={address.isDefault}
                    onChange={(e) => setAddress(index, { isDefault: e.target.checked })}
                  />
                  {t('customers.isDefault')}
                </label>
              </div>
              <div className="form-actions">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => set((current) => ({ addresses: current.addresses.filter((_, i) => i !== index) }))}
                >
                  {t('customers.removeAddress')}
                </button>
              </div>
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => set((current) => ({ addresses: [...current.addresses, { ...EMPTY_ADDRESS }] }))}
          >
            {t('customers.addAddress')}
          </button>
        </fieldset>
        {!walkIn && (
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {customer ? t('customers.save') : t('customers.create')}
            </button>
          </div>
        )}
      </form>
      {customer && <CustomerOrders customer={customer} />}
    </div>
  );
}
