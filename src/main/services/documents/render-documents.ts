import {
  documentIds,
  KIND_PAPERS,
  PAPER_SIZES,
  setupFor,
  type DocumentRequest,
  type RenderedDocument,
} from '../../../shared/domain/documents';
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { getSettings } from '../settings';
import { documentTexts } from './document-texts';
import { DOCUMENTS } from './registry';
import { layOutDocuments } from './templates/page';

/**
 * One or many documents of one kind as one HTML page: the single source of what
 * the preview shows, Chromium turns into a PDF and Electron sends to a printer.
 */
export async function renderDocuments(ctx: ServiceContext, request: DocumentRequest): Promise<RenderedDocument> {
  const settings = await getSettings(ctx);
  const paper = request.paper ?? setupFor(settings.documentSetups, request.kind).paper;
  if (!KIND_PAPERS[request.kind].includes(paper)) {
    throw new AppError('VALIDATION', `A ${request.kind} prints on ${KIND_PAPERS[request.kind].join(' or ')}`, {
      issues: [{ path: 'paper', message: `One of ${KIND_PAPERS[request.kind].join(', ')}` }],
    });
  }
  const definition = DOCUMENTS[request.kind];
  const texts = documentTexts(settings.locale);
  const parts = (await definition.load(ctx, documentIds(request), settings)).map((data) => ({
    number: data.number,
    body: definition.template(data, texts, paper),
  }));
  const title = parts.length === 1 ? `${definition.title(texts)} ${parts[0].number}` : definition.title(texts);
  const laidOut = layOutDocuments({
    kind: request.kind,
    paper,
    locale: settings.locale,
    title,
    texts,
    kindCss: definition.css,
    parts,
  });
  return { ...laidOut, kind: request.kind, paper, ...PAPER_SIZES[paper], title };
}
