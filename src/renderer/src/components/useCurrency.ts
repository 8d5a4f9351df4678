import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';

/** The store's currency, for showing and entering prices. */
export function useCurrency(): string | null {
  const { client } = useApi();
  const [currency, setCurrency] = useState<string | null>(null);
  useEffect(() => {
    client.settings.get({}).then(
      (settings) => setCurrency(settings.currency),
      () => setCurrency(null),
    );
  }, [client]);
  return currency;
}
