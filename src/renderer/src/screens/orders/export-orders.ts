import { ORDER_EXPORT } from '../../../../shared/contract/order-export';
import { AppError, isErrorBody } from '../../../../shared/errors';
import type { InvokeResult } from '../../../../shared/ipc';
import { credentials } from '../../api/transport';
import type { OrderQuery } from './order-filters';

declare global {
  interface Window {
    /** Electron's save dialog for the order export; absent in a browser. */
    omsExport?: { orders(filters: OrderQuery, token: string | null): Promise<InvokeResult> };
  }
}

function queryString(filters: OrderQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/**
 * Every order of the filter as our CSV. In Electron main asks where to save it and writes
 * it there; in a browser the server streams it and the page saves what arrived.
 * Returns the file's name, or null when the person closed the save dialog.
 */
export async function exportOrders(filters: OrderQuery): Promise<string | null> {
  const token = credentials.session();
  if (window.omsExport) {
    const result = await window.omsExport.orders(filters, token);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
    return (result.value as { saved: string | null }).saved;
  }
  const response = await fetch(`/api${ORDER_EXPORT.path}?${queryString(filters)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  }).catch(() => {
    throw new AppError('INTERNAL', 'The server cannot be reached');
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    if (isErrorBody(body)) throw new AppError(body.code, body.message, body.details);
    throw new AppError('INTERNAL', `The server answered ${response.status}`);
  }
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'orders.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
