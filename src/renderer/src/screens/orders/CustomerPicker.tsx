import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/domain/customers';
import { useApi } from '../../api/ApiContext';
import { useDebounced } from '../../components/useDebounced';

interface CustomerPickerProps {
  label: string;
  onPick(customer: Customer): void;
  autoFocus?: boolean;
}

/** A search box for customers by name, phone or email, with the matches to pick from below it. */
export function CustomerPicker({ label, onPick, autoFocus }: CustomerPickerProps) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Customer[] | null>(null);
  const query = useDebounced(search.trim(), 200);

  useEffect(() => {
    if (!query) return;
    let current = true;
    client.customers.list({ search: query, limit: 8 }).then(
      (page) => current && setFound(page.rows),
      () => current && setFound([]),
    );
    return () => {
      current = false;
    };
  }, [client, query]);

  const shown = query ? found : null;
  return (
    <div className="picker">
      <input
        type="search"
        aria-label={label}
        placeholder={label}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        autoFocus={autoFocus}
      />
      {shown && (
        <ul className="picker__results" aria-label={label}>
          {shown.length === 0 && <li className="muted">{t('orders.form.noCustomer')}</li>}
          {shown.map((customer) => (
            <li key={customer.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(customer);
                  setSearch('');
                  setFound(null);
                }}
              >
                <strong>{customer.isWalkIn ? t('orders.form.walkIn') : customer.name}</strong>
                <span className="muted">{[customer.phone, customer.email].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
