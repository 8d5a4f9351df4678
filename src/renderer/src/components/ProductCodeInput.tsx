import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/domain/catalog';
import { useApi } from '../api/ApiContext';
import { errorText } from './form-errors';

/** Type (or scan) a SKU or barcode and press Enter: the product found is handed on. */
export function ProductCodeInput({ label, onProduct }: { label: string; onProduct(product: Product): void }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || !code.trim()) return;
    event.preventDefault();
    try {
      onProduct(await client.products.lookup({ code: code.trim() }));
      setCode('');
      setError(null);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  return (
    <div className="field">
      <input
        aria-label={label}
        placeholder={label}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onKeyDown={(e) => void onKeyDown(e)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
