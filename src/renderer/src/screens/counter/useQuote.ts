import { useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { useDebounced } from '../../components/useDebounced';

export type Quote = OutputOf<'orders.quote'>;

/**
 * The server's price of the ticket as it stands, asked again once the clerk pauses: the
 * renderer never adds up money itself. Null while the ticket is empty.
 */
export function useQuote(input: InputOf<'orders.quote'> | null): {
  quote: Quote | null;
  pending: boolean;
  error: unknown;
} {
  const { client } = useApi();
  const key = input ? JSON.stringify(input) : '';
  const settledKey = useDebounced(key, 200);
  const [result, setResult] = useState<{ key: string; quote: Quote | null; error: unknown }>({
    key: '',
    quote: null,
    error: null,
  });

  useEffect(() => {
    if (settledKey === '') return;
    let current = true;
    client.orders.quote(JSON.parse(settledKey) as InputOf<'orders.quote'>).then(
      (quote) => current && setResult({ key: settledKey, quote, error: null }),
      (error: unknown) => current && setResult({ key: settledKey, quote: null, error }),
    );
    return () => {
      current = false;
    };
  }, [client, settledKey]);

  if (key === '') return { quote: null, pending: false, error: null };
  // The last price stays on screen (shown as pending) while the next is asked, so the totals do not flicker.
  const fresh = result.key === key;
  return { quote: result.quote, pending: !fresh, error: fresh ? result.error : null };
}
