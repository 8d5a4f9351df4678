import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ORDER_EXPORT } from '../../shared/contract/order-export';
import { validationError } from '../router/errors';
import type { Caller, Router } from '../router/router';
import { orderCsvChunks, orderCsvFileName } from '../services/orders/order-csv';

/**
 * `GET /api/orders/export.csv?<filters>`: every order of the grid's filter and sort as our
 * CSV, streamed a page at a time. Writing waits for the client to take each chunk, so a
 * slow download holds one page in memory, not the whole export.
 */
export async function serveOrderExport(
  router: Router,
  caller: Caller,
  query: URLSearchParams,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const ctx = router.readContext('orders.export', ORDER_EXPORT.access, caller.credential);
  const parsed = ORDER_EXPORT.filters.safeParse(Object.fromEntries(query));
  if (!parsed.success) throw validationError(parsed.error);
  response.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${orderCsvFileName()}"`,
    'cache-control': 'no-store',
    ...headers,
  });
  await pipeline(Readable.from(orderCsvChunks(ctx, parsed.data)), response);
}
