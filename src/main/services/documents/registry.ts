import type { DocumentKind, Paper } from '../../../shared/domain/documents';
import type { Settings } from '../../../shared/domain/settings';
import type { ServiceContext } from '../context';
import { findOrderId } from '../orders/orders';
import type { DocumentTexts } from './document-texts';
import { invoiceData } from './invoice';
import { packingSlipData } from './packing-slip';
import { receiptData } from './receipt';
import { INVOICE_CSS, invoiceHtml } from './templates/invoice.html';
import { PACKING_SLIP_CSS, packingSlipHtml } from './templates/packing-slip.html';
import { RECEIPT_CSS, receiptHtml } from './templates/receipt.html';
import type { SafeHtml } from './templates/html';

/**
 * A kind of document: how to load its data for the orders asked for, and its template
 * (data → HTML) with the CSS all its copies share. Each loaded item is one document with
 * the number its footer names. The pick list joins as a kind whose `load` merges all the
 * orders into one item; the shipping label as one that loads shipments (and papers of its own).
 */
export interface DocumentDefinition<Data> {
  title(texts: DocumentTexts): string;
  load(ctx: ServiceContext, orderIds: string[], settings: Settings): Promise<Array<Data & { number: string }>>;
  template(data: Data, texts: DocumentTexts, paper: Paper): SafeHtml;
  css: string;
}

function define<Data>(definition: DocumentDefinition<Data>): DocumentDefinition<unknown> {
  return definition as DocumentDefinition<unknown>;
}

/** A kind with one document per order: orders named by id or number, kept in the order asked. */
function perOrder<Data>(
  load: (ctx: ServiceContext, orderId: string, settings: Settings) => Promise<Data & { number: string }>,
): DocumentDefinition<Data>['load'] {
  return async (ctx, orderIds, settings) => {
    const documents = [];
    for (const numberOrId of orderIds) documents.push(await load(ctx, await findOrderId(ctx, numberOrId), settings));
    return documents;
  };
}

export const DOCUMENTS: Record<DocumentKind, DocumentDefinition<unknown>> = {
  'packing-slip': define({
    title: (texts) => texts.packingSlip,
    load: perOrder(packingSlipData),
    template: packingSlipHtml,
    css: PACKING_SLIP_CSS,
  }),
  invoice: define({
    title: (texts) => texts.invoice,
    load: perOrder(invoiceData),
    template: invoiceHtml,
    css: INVOICE_CSS,
  }),
  receipt: define({
    title: (texts) => texts.receipt,
    load: perOrder(receiptData),
    template: receiptHtml,
    css: RECEIPT_CSS,
  }),
};
