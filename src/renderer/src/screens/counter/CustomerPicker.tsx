import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customers';
import { useApi } from '../../api/ApiContext';
import { errorText, serverFieldErrors, type FieldErrors } from '../../components/form-errors';
import { TextField } from '../../components/Field';
import { useDebounced } from '../../components/useDebounced';

/** Walk-in unless the clerk finds (or quickly adds) a customer by name, phone or email. */
export function CustomerPicker({
  customer,
  onChange,
}: {
  customer: Customer | null;
  onChange(customer: Customer | null): void;
}) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 200);
  const [found, setFound] = useState<{ query: string; rows: Customer[] }>({ query: '', rows: [] });
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState({ name: '', phone: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (query === '') return;
    let current = true;
    client.customers.list({ search: query, limit: 6 }).then(
      (page) => current && setFound({ query, rows: page.rows.filter((row) => !row.isWalkIn && row.active) }),
      (error: unknown) => current && setFailure(errorText(error, t)),
    );
    return () => {
      current = false;
    };
  }, [client, query, t]);

  function choose(chosen: Customer | null) {
    onChange(chosen);
    setSearch('');
    setAdding(false);
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      const { customer: created } = await client.customers.create({ name: draft.name, phone: draft.phone });
      setDraft({ name: '', phone: '' });
      setErrors({});
      choose(created);
    } catch (error) {
      setErrors(serverFieldErrors(error, t));
      setFailure(errorText(error, t));
    }
  }

  if (customer) {
    return (
      <section className="counter__customer-search" aria-label={t('counter.customer')}>
        <h2>{t('counter.customer')}</h2>
        <div className="counter__customer">
          <div>
            <strong>{customer.name}</strong>
            {customer.phone && <span className="muted mono"> {customer.phone}</span>}
          </div>
          <button type="button" className="button button--ghost button--small" onClick={() => choose(null)}>
            {t('counter.backToWalkIn')}
          </button>
        </div>
      </section>
    );
  }

  const rows = query !== '' && found.query === query ? found.rows : null;
  return (
    <section className="counter__customer-search" aria-label={t('counter.customer')}>
      <h2>{t('counter.customer')}</h2>
      <div className="counter__customer">
        <strong>{t('counter.walkIn')}</strong>
      </div>
      <TextField
        data-counter-focus="customer"
        label={t('counter.customerSearch')}
        placeholder={t('counter.customerSearchHint')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        type="search"
      />
      {failure && <span className="field__error">{failure}</span>}
      {rows && (
        <ul className="counter__matches" aria-label={t('counter.customerSearch')}>
          {rows.length === 0 && <li className="muted">{t('counter.noCustomers')}</li>}
          {rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t('counter.choose', { name: row.name })}
                onClick={() => choose(row)}
              >
                {row.name} <span className="muted mono">{row.phone}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <form className="counter__new-customer" onSubmit={(e) => void add(e)} aria-label={t('counter.newCustomer')}>
          <TextField
            label={t('counter.newCustomerName')}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            error={errors.name}
            autoFocus
          />
          <TextField
            label={t('counter.newCustomerPhone')}
            value={draft.phone}
            onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
            error={errors.phone}
            type="tel"
          />
          <div className="button-row">
            <button type="submit" className="button button--primary button--small">
              {t('counter.createCustomer')}
            </button>
            <button type="button" className="button button--small" onClick={() => setAdding(false)}>
              {t('counter.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => {
            setDraft({ name: search.trim(), phone: '' });
            setAdding(true);
          }}
        >
          {t('counter.newCustomer')}
        </button>
      )}
    </section>
  );
}
