import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../../shared/domain/catalog';
import { formatMoney } from '../../../../../shared/money';
import { useApi } from '../../../api/ApiContext';
import { errorText } from '../../../components/form-errors';
import { useDebounced } from '../../../components/useDebounced';

/**
 * Finds a product by SKU, name or barcode as the person types; Enter takes an exact SKU
 * or barcode at once, so a scanner adds a line with no further key.
 */
export function ProductPicker({ onPick }: { onPick(product: Product): void }) {
  const { t, i18n } = useTranslation();
  const { client, currency } = useApi();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Product[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useDebounced(search.trim(), 200);

  useEffect(() => {
    if (!query) return;
    let current = true;
    client.products.list({ search: query, status: 'active', limit: 8 }).then(
      (page) => current && setFound(page.rows),
      () => current && setFound([]),
    );
    return () => {
      current = false;
    };
  }, [client, query]);

  function pick(product: Product) {
    onPick(product);
    setSearch('');
    setFound(null);
    setError(null);
  }

  async function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape') setFound(null);
    if (event.key !== 'Enter' || !search.trim()) return;
    event.preventDefault();
    try {
      pick(await client.products.lookup({ code: search.trim() }));
    } catch (failure) {
      if (found?.length === 1) pick(found[0]);
      else setError(errorText(failure, t));
    }
  }

  const label = t('orders.form.findProduct');
  return (
    <div className="picker">
      <input
        type="search"
        aria-label={label}
        placeholder={label}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => void onKeyDown(e)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
      {query && found && (
        <ul className="picker__results" aria-label={label}>
          {found.length === 0 && <li className="muted">{t('orders.form.noProduct')}</li>}
          {found.map((product) => (
            <li key={product.id}>
              <button type="button" onClick={() => pick(product)}>
                <strong>{product.name}</strong>
                <span className="muted mono">
                  {product.sku} · {currency ? formatMoney(product.unitPrice, currency, i18n.language) : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
