import { z } from 'zod';
import { DOCUMENT_KINDS, documentRequestSchema, PAPERS, renderedDocumentSchema } from '../domain/documents';
import { STAFF } from '../roles';
import { operation } from './define';

export const documents = {
  render: operation({
    summary:
      "One or many orders' documents of one kind (packing slip, invoice, receipt) as one HTML page with its print CSS: what the preview shows and the printer prints.",
    kind: 'query',
    access: STAFF,
    input: documentRequestSchema,
    output: renderedDocumentSchema,
  }),
};

/**
 * The same documents as PDF files, rendered by Chromium in headless mode (`npm run serve`):
 * not JSON operations but files. `GET /api/orders/:id/documents/:kind.pdf[?paper=]` for
 * one order (by id or number), `POST /api/documents/batch.pdf` with `{ kind, orderIds,
 * paper? }` for many in one file. Both need the roles of `documents.render`.
 */
export const DOCUMENT_PDF = {
  access: STAFF,
  one: /^\/orders\/([^/]+)\/documents\/([a-z-]+)\.pdf$/,
  oneQuery: z.object({ paper: z.enum(PAPERS).optional() }),
  oneKind: z.enum(DOCUMENT_KINDS),
  batchPath: '/documents/batch.pdf',
} as const;
