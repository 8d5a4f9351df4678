import { z } from 'zod';

/**
 * The documents the shop prints: an order's, a pick list's, a parcel's label. A kind
 * names its papers and what it is printed from here; main's document registry
 * (`services/documents/registry.ts`) names its data and its template.
 */
export const ORDER_DOCUMENT_KINDS = ['packing-slip', 'invoice', 'receipt'] as const;
export const DOCUMENT_KINDS = [...ORDER_DOCUMENT_KINDS, 'pick-list', 'shipping-label'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The field of a document request that names what a kind is printed from. */
export type DocumentSubject = 'orderIds' | 'pickListIds' | 'shipmentIds';
export const KIND_SUBJECTS: Record<DocumentKind, DocumentSubject> = {
  'packing-slip': 'orderIds',
  invoice: 'orderIds',
  receipt: 'orderIds',
  'pick-list': 'pickListIds',
  'shipping-label': 'shipmentIds',
};

export const PAPERS = ['a4', 'letter', '80mm', '58mm', '4x6in', '100x150mm'] as const;
export type Paper = (typeof PAPERS)[number];

/**
 * A paper's printable sheet in millimetres. A roll (thermal receipt) has no height of its
 * own: each document is cut as long as it is, measured when it is laid out.
 */
export const PAPER_SIZES: Record<Paper, { widthMm: number; heightMm: number | null }> = {
  a4: { widthMm: 210, heightMm: 297 },
  letter: { widthMm: 215.9, heightMm: 279.4 },
  '80mm': { widthMm: 80, heightMm: null },
  '58mm': { widthMm: 58, heightMm: null },
  '4x6in': { widthMm: 101.6, heightMm: 152.4 },
  '100x150mm': { widthMm: 100, heightMm: 150 },
};

/** Label stock: one label a page, printed edge to edge, without page numbers. */
export function isLabel(paper: Paper): boolean {
  return paper === '4x6in' || paper === '100x150mm';
}

/** The papers each kind prints on; the first is its default. */
export const KIND_PAPERS: Record<DocumentKind, readonly Paper[]> = {
  'packing-slip': ['a4', 'letter'],
  invoice: ['a4', 'letter'],
  receipt: ['80mm', '58mm'],
  'pick-list': ['a4', 'letter'],
  'shipping-label': ['4x6in', '100x150mm'],
};

export function isRoll(paper: Paper): boolean {
  return PAPER_SIZES[paper].heightMm === null;
}

/**
 * Microns, as Electron's `webContents.print({ pageSize })` takes them: named sizes are
 * ignored by some label and thermal drivers when printing silently, exact numbers are not.
 */
export function micronsOf(mm: number): number {
  return Math.round(mm * 1000);
}

/**
 * A roll's page for each document of a laid-out page (named pages d0, d1…), as long as
 * the document measured (mm, rounded up, plus a little to tear off): Chromium takes no
 * "auto" page height, and a fixed one would feed a roll a sheet's length of blank paper.
 */
export function rollPageCss(paper: Paper, heightsMm: number[]): string {
  const width = PAPER_SIZES[paper].widthMm;
  return heightsMm
    .map((height, i) => `@page d${i} { size: ${width}mm ${Math.ceil(height) + 4}mm; margin: 0; }`)
    .join('\n');
}

/** Where and on what each kind prints by default; the printer is the system's name for it ('' = the system default). */
export const documentSetupSchema = z.object({
  paper: z.enum(PAPERS),
  printer: z.string().trim().max(200),
});
export type DocumentSetup = z.infer<typeof documentSetupSchema>;

export const documentSetupsSchema = z
  .partialRecord(z.enum(DOCUMENT_KINDS), documentSetupSchema)
  .superRefine((setups, issue) => {
    for (const [kind, setup] of Object.entries(setups) as Array<[DocumentKind, DocumentSetup]>) {
      if (!KIND_PAPERS[kind].includes(setup.paper)) {
        issue.addIssue({
          code: 'custom',
          path: [kind, 'paper'],
          message: `A ${kind} prints on ${KIND_PAPERS[kind].join(' or ')}`,
        });
      }
    }
  });
export type DocumentSetups = z.infer<typeof documentSetupsSchema>;

export function setupFor(setups: DocumentSetups, kind: DocumentKind): DocumentSetup {
  return setups[kind] ?? { paper: KIND_PAPERS[kind][0], printer: '' };
}

/** A logo stored in the settings as a data URL: small enough to travel with every document. */
export const LOGO_MAX_CHARS = 200_000;
export const logoSchema = z.union([
  z.literal(''),
  z
    .string()
    .max(LOGO_MAX_CHARS, `The logo must be under ${Math.floor((LOGO_MAX_CHARS * 3) / 4 / 1024)} KB`)
    .regex(/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/, 'A PNG, JPEG, GIF or WebP image'),
]);

const documentIdsSchema = z.array(z.string().min(1)).min(1).max(1000);

/**
 * One or many documents of one kind, on one paper: what every path renders. Each kind is
 * printed from the list its subject names (orders by id or number, pick lists by id or
 * number, shipments by id, number or tracking number); the other lists stay empty.
 */
export const documentRequestSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    orderIds: documentIdsSchema.optional(),
    pickListIds: documentIdsSchema.optional(),
    shipmentIds: documentIdsSchema.optional(),
    /** Omitted: the kind's paper from the settings. */
    paper: z.enum(PAPERS).optional(),
  })
  .superRefine((request, issue) => {
    const subject = KIND_SUBJECTS[request.kind];
    for (const field of ['orderIds', 'pickListIds', 'shipmentIds'] as const) {
      if (field === subject && !request[field]) {
        issue.addIssue({ code: 'custom', path: [field], message: `A ${request.kind} is printed from ${field}` });
      }
      if (field !== subject && request[field]) {
        issue.addIssue({ code: 'custom', path: [field], message: `A ${request.kind} is printed from ${subject}` });
      }
    }
  });
export type DocumentRequest = z.infer<typeof documentRequestSchema>;

/** The ids a request names for its kind. */
export function documentIds(request: DocumentRequest): string[] {
  return request[KIND_SUBJECTS[request.kind]] ?? [];
}

/** A request for the documents of one kind from the ids of what that kind is printed from. */
export function documentRequest(kind: DocumentKind, ids: string[], paper?: Paper): DocumentRequest {
  return { kind, [KIND_SUBJECTS[kind]]: ids, ...(paper && { paper }) };
}

/** A rendered document: a whole HTML page with its print CSS, and the sheet it is laid out for. */
export const renderedDocumentSchema = z.object({
  html: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  paper: z.enum(PAPERS),
  widthMm: z.number(),
  /** Null on a roll: the length is measured from the laid-out document. */
  heightMm: z.number().nullable(),
  title: z.string(),
  /** The documents without the page around them, and their CSS scoped to `.oms-doc`: for showing inside another page. */
  body: z.string(),
  css: z.string(),
});
export type RenderedDocument = z.infer<typeof renderedDocumentSchema>;

/** What the desktop app does with rendered documents: print them (with or without the dialog) or save a PDF. */
export const printJobSchema = z.object({
  request: documentRequestSchema,
  action: z.enum(['print', 'pdf']),
  /** The system's printer name; omitted: the kind's printer from the settings, else the system default. */
  printer: z.string().max(200).optional(),
  /** Straight to the printer, without the print dialog. */
  silent: z.boolean().default(false),
});
export type PrintJob = z.input<typeof printJobSchema>;

/** A printer of the system's list; '' in the settings stands for the system's default printer. */
export interface PrinterInfo {
  name: string;
  displayName: string;
}

/**
 * The page size Electron's printer gets, in microns: the sheet's, or on a roll the
 * longest document's measured length (a print job has one page size).
 */
export function printPageSize(paper: Paper, heightsMm: number[]): { width: number; height: number } {
  const size = PAPER_SIZES[paper];
  const height = size.heightMm ?? Math.ceil(Math.max(...heightsMm)) + 4;
  return { width: micronsOf(size.widthMm), height: micronsOf(height) };
}
