import { z } from 'zod';
import { documentRequestSchema, ORDER_DOCUMENT_KINDS, PAPERS, renderedDocumentSchema } from '../domain/documents';
import { STAFF } from '../roles';
import { operation } from './define';

export const documents = {
  render: operation({
    summary:
      "One or many documents of one kind as one HTML page with its print CSS: what the preview shows and the printer prints. Orders' packing slips, invoices and receipts (`orderIds`), pick lists (`pickListIds`), shipping labels (`shipmentIds`).",
    kind: 'query',
    access: STAFF,
    input: documentRequestSchema,
    output: renderedDocumentSchema,
  }),
};

/**
 * The same documents as PDF files, rendered by Chromium in headless mode (`npm run serve`):
 * not JSON operations but files. `GET /api/orders/:id/documents/:kind.pdf[?paper=]` for
 * one order (by id or number), `GET /api/pick-lists/:id/documents/pick-list.pdf` for a
 * pick list (by id or number), `GET /api/shipments/:id/documents/label.pdf` for a parcel's
 * label (by id, number or tracking number), `POST /api/documents/batch.pdf` with the body
 * of `documents.render` for many in one file. All need the roles of `documents.render`.
 */
export const DOCUMENT_PDF = {
  access: STAFF,
  one: /^\/orders\/([^/]+)\/documents\/([a-z-]+)\.pdf$/,
  oneQuery: z.object({ paper: z.enum(PAPERS).optional() }),
  oneKind: z.enum(ORDER_DOCUMENT_KINDS),
  pickList: /^\/pick-lists\/([^/]+)\/documents\/pick-list\.pdf$/,
  label: /^\/shipments\/([^/]+)\/documents\/label\.pdf$/,
  batchPath: '/documents/batch.pdf',
} as const;
