import type { DocumentTexts } from '../document-texts';
import { fill } from '../document-texts';
import type { ShippingLabelData } from '../shipping-label';
import { code128Svg, qrSvg } from './barcodes';
import { addressLines } from './format';
import { html, type SafeHtml } from './html';

/** Characters of address (after the recipient's line) that still fit four lines at full size. */
const LONG_ADDRESS = 90;

function weightText(grams: number): string {
  return grams >= 1000 ? `${(grams / 1000).toFixed(2)} kg` : `${grams} g`;
}

/**
 * A parcel's label, one to a page of label stock: the address large enough to read from a
 * belt, the carrier's number as a Code 128 with the number below it, and the carrier's
 * tracking page as a QR code. A parcel without a tracking number (local delivery, pickup)
 * carries its shipment number's barcode instead.
 */
export function shippingLabelHtml(data: ShippingLabelData, texts: DocumentTexts): SafeHtml {
  const [recipient, ...address] = data.shipTo ? addressLines(data.shipTo) : [data.customerName];
  const code = data.trackingNumber ?? data.number;
  // A long address steps down a size rather than run off the label.
  const long = address.join('').length > LONG_ADDRESS;
  return html`<div class="label">
    <div class="label__top">
      <div class="label__from">
        <h2>${texts.shipFrom}</h2>
        <div class="label__from-name">${data.branding.storeName}</div>
        ${data.branding.addressLines.map((line) => html`<div>${line}</div>`)}
        ${data.branding.phone && html`<div>${data.branding.phone}</div>`}
      </div>
      <div class="label__carrier">
        <div class="label__carrier-name">${data.carrierName ?? ''}</div>
        ${data.serviceName && html`<div class="label__service">${data.serviceName}</div>`}
      </div>
    </div>
    <div class="label__to${long ? ' label__to--long' : ''}">
      <h2>${texts.shipTo}</h2>
      <div class="label__recipient">${recipient}</div>
      ${address.map((line) => html`<div class="label__address">${line}</div>`)}
    </div>
    <div class="label__code">
      <h2>${data.trackingNumber ? texts.trackingNumber : texts.shipment}</h2>
      <div class="label__code128">${code128Svg(code, 16)}</div>
      <div class="label__code-text">${code}</div>
    </div>
    <div class="label__bottom">
      <dl class="label__facts">
        <dt>${texts.order}</dt>
        <dd>${data.orderNumber}</dd>
        <dt>${texts.shipment}</dt>
        <dd>${data.number}</dd>
        ${
          data.weightGrams !== null &&
          html`<dt>${texts.weight}</dt>
            <dd>${weightText(data.weightGrams)}</dd>`
        }
        <dd class="label__parcel">${fill(texts.parcelOf, data.parcel)}</dd>
      </dl>
      ${
        data.trackingUrl &&
        html`<div class="label__qr">
          ${qrSvg(data.trackingUrl)}
          <div class="label__qr-text">${texts.scanToTrack}</div>
        </div>`
      }
    </div>
  </div>`;
}

export const SHIPPING_LABEL_CSS = `
.oms-doc .label { height: 100%; display: flex; flex-direction: column; padding: 4mm; font-size: 9pt; overflow: hidden; }
.oms-doc .label h2 { font-size: 7pt; text-transform: uppercase; letter-spacing: 0.04em; margin: 0 0 0.5mm; font-weight: 600; }
.oms-doc .label__top { display: flex; justify-content: space-between; gap: 3mm; padding-bottom: 2mm; border-bottom: 0.5mm solid #000; }
.oms-doc .label__from { font-size: 8pt; line-height: 1.25; }
.oms-doc .label__from-name { font-weight: 700; font-size: 9pt; }
.oms-doc .label__carrier { text-align: right; }
.oms-doc .label__carrier-name { font-size: 15pt; font-weight: 800; line-height: 1.1; }
.oms-doc .label__service { font-size: 10pt; font-weight: 600; margin-top: 1mm; }
.oms-doc .label__to { flex: 1; padding: 2.5mm 0 2mm; border-bottom: 0.5mm solid #000; line-height: 1.3; overflow: hidden; }
.oms-doc .label__recipient { font-size: 15pt; font-weight: 800; margin-bottom: 1mm; }
.oms-doc .label__address { font-size: 13pt; font-weight: 600; }
.oms-doc .label__to--long .label__recipient { font-size: 13pt; }
.oms-doc .label__to--long .label__address { font-size: 10.5pt; }
.oms-doc .label__code { padding: 2mm 0; border-bottom: 0.5mm solid #000; text-align: center; }
.oms-doc .label__code h2 { text-align: left; }
.oms-doc .label__code128 { width: 86mm; margin: 0 auto; }
.oms-doc .label__code-text { font-family: "DejaVu Sans Mono", "Noto Sans Mono", Consolas, monospace; font-size: 13pt; font-weight: 700; letter-spacing: 0.06em; }
.oms-doc .label__bottom { display: flex; justify-content: space-between; align-items: flex-end; gap: 3mm; padding-top: 2mm; }
.oms-doc .label__facts { display: grid; grid-template-columns: auto 1fr; gap: 0.5mm 3mm; margin: 0; font-size: 9pt; }
.oms-doc .label__facts dt { color: #333; }
.oms-doc .label__facts dd { margin: 0; font-family: "DejaVu Sans Mono", "Noto Sans Mono", Consolas, monospace; }
.oms-doc .label__facts .label__parcel { grid-column: 1 / -1; font-family: inherit; font-size: 12pt; font-weight: 800; margin-top: 1mm; }
.oms-doc .label__qr { width: 24mm; text-align: center; font-size: 7pt; }
`;
