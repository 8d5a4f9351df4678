import type { DocumentKind, Paper } from '../../../shared/domain/documents';
import type { Settings } from '../../../shared/domain/settings';
import type { ServiceContext } from '../context';
import { findOrderId } from '../orders/orders';
import type { DocumentTexts } from './document-texts';
import { invoiceData } from './invoice';
import { packingSlipData } from './packing-slip';
import { pickListData } from './pick-list';
import { receiptData } from './receipt';
import { shippingLabelData } from './shipping-label';
import { INVOICE_CSS, invoiceHtml } from './templates/invoice.html';
import { PACKING_SLIP_CSS, packingSlipHtml } from './templates/packing-slip.html';
import { PICK_LIST_CSS, pickListHtml } from './templates/pick-list.html';
import { RECEIPT_CSS, receiptHtml } from './templates/receipt.html';
import { SHIPPING_LABEL_CSS, shippingLabelHtml } from './templates/shipping-label.html';
import type { SafeHtml } from './templates/html';

/**
 * A kind of document: how to load its data for the ids asked for (orders, pick lists or
 * shipments: `KIND_SUBJECTS`), and its template (data → HTML) with the CSS all its copies
 * share. Each loaded item is one document with the number its footer names.
 */
export interface DocumentDefinition<Data> {
  title(texts: DocumentTexts): string;
  load(ctx: ServiceContext, ids: string[], settings: Settings): Promise<Array<Data & { number: string }>>;
  template(data: Data, texts: DocumentTexts, paper: Paper): SafeHtml;
  css: string;
}

function define<Data>(definition: DocumentDefinition<Data>): DocumentDefinition<unknown> {
  return definition as DocumentDefinition<unknown>;
}

/** One document per id, kept in the order asked. */
function each<Data>(
  load: (ctx: ServiceContext, id: string, settings: Settings) => Promise<Data & { number: string }>,
): DocumentDefinition<Data>['load'] {
  return async (ctx, ids, settings) => {
    const documents = [];
    for (const id of ids) documents.push(await load(ctx, id, settings));
    return documents;
  };
}

/** A kind with one document per order: orders named by id or number. */
function perOrder<Data>(
  load: (ctx: ServiceContext, orderId: string, settings: Settings) => Promise<Data & { number: string }>,
): DocumentDefinition<Data>['load'] {
  return each(async (ctx, numberOrId, settings) => load(ctx, await findOrderId(ctx, numberOrId), settings));
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
  'pick-list': define({
    title: (texts) => texts.pickList,
    load: each(pickListData),
    template: pickListHtml,
    css: PICK_LIST_CSS,
  }),
  'shipping-label': define({
    title: (texts) => texts.shippingLabel,
    load: each(shippingLabelData),
    template: shippingLabelHtml,
    css: SHIPPING_LABEL_CSS,
  }),
};
