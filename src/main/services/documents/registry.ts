import type { DocumentKind, Paper } from '../../../shared/domain/documents';
import type { Settings } from '../../../shared/domain/settings';
import type { ServiceContext } from '../context';
import type { DocumentTexts } from './document-texts';
import { invoiceData } from './invoice';
import { packingSlipData } from './packing-slip';
import { receiptData } from './receipt';
import { INVOICE_CSS, invoiceHtml } from './templates/invoice.html';
import { PACKING_SLIP_CSS, packingSlipHtml } from './templates/packing-slip.html';
import { RECEIPT_CSS, receiptHtml } from './templates/receipt.html';
import type { SafeHtml } from './templates/html';

/**
 * A kind of document: how to load one order's data, and its template (data → HTML) with
 * the CSS all its copies share. The pick list (many orders merged into one document) and
 * the shipping label (a shipment's data, a 4×6 in or 100×150 mm paper) join here.
 */
export interface DocumentDefinition<Data> {
  title(texts: DocumentTexts): string;
  load(ctx: ServiceContext, orderId: string, settings: Settings): Promise<Data & { number: string }>;
  template(data: Data, texts: DocumentTexts, paper: Paper): SafeHtml;
  css: string;
}

function define<Data>(definition: DocumentDefinition<Data>): DocumentDefinition<unknown> {
  return definition as DocumentDefinition<unknown>;
}

export const DOCUMENTS: Record<DocumentKind, DocumentDefinition<unknown>> = {
  'packing-slip': define({
    title: (texts) => texts.packingSlip,
    load: packingSlipData,
    template: packingSlipHtml,
    css: PACKING_SLIP_CSS,
  }),
  invoice: define({ title: (texts) => texts.invoice, load: invoiceData, template: invoiceHtml, css: INVOICE_CSS }),
  receipt: define({ title: (texts) => texts.receipt, load: receiptData, template: receiptHtml, css: RECEIPT_CSS }),
};
