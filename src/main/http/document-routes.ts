import type { ServerResponse } from 'node:http';
import { DOCUMENT_PDF } from '../../shared/contract/documents';
import { documentRequestSchema, type DocumentRequest } from '../../shared/domain/documents';
import { AppError } from '../../shared/errors';
import type { PdfRenderer } from '../pdf/chromium-pdf';
import { validationError } from '../router/errors';
import type { Caller, Router } from '../router/router';
import { renderDocuments } from '../services/documents/render-documents';

/** The document request a PDF route asks for, or null when the path is not one of them. */
export function documentPdfRequest(
  method: string,
  path: string,
  query: URLSearchParams,
  readBody: () => Promise<unknown>,
): null | (() => Promise<DocumentRequest>) {
  const one = DOCUMENT_PDF.one.exec(path);
  if (one && method === 'GET') {
    return async () => {
      const kind = DOCUMENT_PDF.oneKind.safeParse(one[2]);
      if (!kind.success) throw new AppError('NOT_FOUND', `No document kind ${one[2]}`, { entity: 'document kind' });
      const options = DOCUMENT_PDF.oneQuery.safeParse(Object.fromEntries(query));
      if (!options.success) throw validationError(options.error);
      return { kind: kind.data, orderIds: [decodeURIComponent(one[1])], paper: options.data.paper };
    };
  }
  if (path === DOCUMENT_PDF.batchPath && method === 'POST') {
    return async () => {
      const parsed = documentRequestSchema.safeParse(await readBody());
      if (!parsed.success) throw validationError(parsed.error);
      return parsed.data;
    };
  }
  return null;
}

/** Renders the documents through the same templates as every other path, and sends them as one PDF. */
export async function serveDocumentPdf(
  router: Router,
  caller: Caller,
  request: () => Promise<DocumentRequest>,
  pdf: PdfRenderer | undefined,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const ctx = router.readContext('documents.render', DOCUMENT_PDF.access, caller.credential);
  const wanted = await request();
  if (!pdf) throw new AppError('INTERNAL', 'This server renders no PDFs');
  const rendered = await renderDocuments(ctx, wanted);
  const bytes = await pdf.render(rendered);
  const name = wanted.orderIds.length === 1 ? `${wanted.kind}-${wanted.orderIds[0]}` : `${wanted.kind}-batch`;
  response.writeHead(200, {
    'content-type': 'application/pdf',
    'content-length': String(bytes.length),
    'content-disposition': `inline; filename="${name.replace(/[^\w.-]/g, '_')}.pdf"`,
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(bytes);
}
