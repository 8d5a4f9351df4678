import type { ServerResponse } from 'node:http';
import { DOCUMENT_PDF } from '../../shared/contract/documents';
import {
  documentIds,
  documentRequest,
  documentRequestSchema,
  type DocumentKind,
  type DocumentRequest,
} from '../../shared/domain/documents';
import { AppError } from '../../shared/errors';
import type { PdfRenderer } from '../pdf/chromium-pdf';
import { validationError } from '../router/errors';
import type { Caller, Router } from '../router/router';
import { renderDocuments } from '../services/documents/render-documents';

/** One document's route: an order's (of the kind in its path), a pick list's, a parcel's label. */
function oneDocument(path: string): { kind: DocumentKind | null; asked: string; id: string } | null {
  const order = DOCUMENT_PDF.one.exec(path);
  if (order) return { kind: DOCUMENT_PDF.oneKind.safeParse(order[2]).data ?? null, asked: order[2], id: order[1] };
  const pickList = DOCUMENT_PDF.pickList.exec(path);
  if (pickList) return { kind: 'pick-list', asked: 'pick-list', id: pickList[1] };
  const label = DOCUMENT_PDF.label.exec(path);
  if (label) return { kind: 'shipping-label', asked: 'label', id: label[1] };
  return null;
}

/** The document request a PDF route asks for, or null when the path is not one of them. */
export function documentPdfRequest(
  method: string,
  path: string,
  query: URLSearchParams,
  readBody: () => Promise<unknown>,
): null | (() => Promise<DocumentRequest>) {
  const one = method === 'GET' ? oneDocument(path) : null;
  if (one) {
    return async () => {
      if (!one.kind) throw new AppError('NOT_FOUND', `No document kind ${one.asked}`, { entity: 'document kind' });
      const options = DOCUMENT_PDF.oneQuery.safeParse(Object.fromEntries(query));
      if (!options.success) throw validationError(options.error);
      return documentRequest(one.kind, [decodeURIComponent(one.id)], options.data.paper);
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
  const ids = documentIds(wanted);
  const name = ids.length === 1 ? `${wanted.kind}-${ids[0]}` : `${wanted.kind}-batch`;
  response.writeHead(200, {
    'content-type': 'application/pdf',
    'content-length': String(bytes.length),
    'content-disposition': `inline; filename="${name.replace(/[^\w.-]/g, '_')}.pdf"`,
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(bytes);
}
