import { z } from 'zod';
import { listOperations } from '../../shared/contract';
import { DOCUMENT_PDF } from '../../shared/contract/documents';
import { ORDER_EXPORT } from '../../shared/contract/order-export';

function accessText(access: unknown): string {
  if (access === 'public') return 'any caller with a token';
  if (access === 'signed-in') return 'any user';
  return (access as string[]).join(', ');
}

function fieldsOf(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string; enum?: unknown[] }>;
    required?: string[];
  };
  const entries = Object.entries(json.properties ?? {});
  if (entries.length === 0) return '—';
  const required = new Set(json.required ?? []);
  return entries
    .map(([name, property]) => {
      const type = property.enum
        ? property.enum.map((v) => JSON.stringify(v)).join(' \\| ')
        : (property.type ?? 'object');
      return `\`${name}${required.has(name) ? '' : '?'}\`: ${type}`;
    })
    .join(', ');
}

/** docs/api.md, written from the contract so it cannot drift (a test compares them). */
export function apiReferenceMarkdown(): string {
  const lines = [
    '# HTTP API reference',
    '',
    'Generated from the contract in `src/shared/contract` by `npm run docs:api`; do not edit by hand.',
    'The machine-readable form is `GET /api/openapi.json` (OpenAPI 3.1).',
    '',
    '- Every request needs `Authorization: Bearer <token>`: the server token (`OMS_API_TOKEN`, acting as the first',
    '  owner), an API token made in Settings → API tokens (acting as its user), or a session token from `auth.signIn`.',
    '- Every operation is `POST /api/<operation>` with a JSON body; some also have a readable route.',
    '  For `GET` routes the input comes from the query string, path parameters fill the fields they name.',
    '- Errors are `{ code, message, details }`: VALIDATION 400 (body not JSON) or 422 (a field, listed in',
    '  `details.issues` with its path), UNAUTHORIZED 401, FORBIDDEN 403, NOT_FOUND 404,',
    '  CONFLICT / INSUFFICIENT_STOCK / INVALID_STATE 409, INTERNAL 500.',
    '- Commands run in one transaction: when one fails, nothing of it is stored.',
    `- A file, not a JSON operation (so not in the table or in openapi.json): \`GET /api${ORDER_EXPORT.path}\``,
    `  (${accessText(ORDER_EXPORT.access)}) streams every order of the query's filters and sort, as \`orders.list\``,
    '  takes them (`status=draft,confirmed&sort=number&direction=asc`), as our order CSV (`docs/orders-csv.md`),',
    '  a page of orders at a time.',
    '- Files too, rendered by Chromium from the same templates as `documents.render` (' +
      `${accessText(DOCUMENT_PDF.access)}):`,
    "  `GET /api/orders/:id/documents/:kind.pdf[?paper=a4|letter|80mm|58mm]` is one order's (by id or number)",
    '  packing slip, invoice or receipt as a PDF; `GET /api/pick-lists/:id/documents/pick-list.pdf[?paper=a4|letter]`',
    "  a pick list (by id or number); `GET /api/shipments/:id/documents/label.pdf[?paper=4x6in|100x150mm]` a parcel's",
    '  label (by id, number or tracking number);',
    `  \`POST /api${DOCUMENT_PDF.batchPath}\` with \`{ kind, orderIds | pickListIds | shipmentIds, paper? }\``,
    '  is many documents of one kind in one PDF, each starting on a new page.',
    '',
    '| operation | readable route | roles | kind | input | what it does |',
    '| --------- | -------------- | ----- | ---- | ----- | ------------ |',
  ];
  for (const { name, operation } of listOperations()) {
    const route = operation.http ? `\`${operation.http.method} /api${operation.http.path}\`` : '';
    lines.push(
      `| \`${name}\` | ${route} | ${accessText(operation.access)} | ${operation.kind} | ${fieldsOf(operation.input)} | ${operation.summary} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
