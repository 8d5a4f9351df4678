import type { DocumentTexts } from '../document-texts';
import { fill } from '../document-texts';
import type { InvoiceData } from '../invoice';
import { code128Svg } from './barcodes';
import { brandHeader, SHEET_CSS } from './brand-header';
import { addressLines, documentFormat } from './format';
import { html, type SafeHtml } from './html';
import { leadingTotals } from './totals';

/** An invoice: lines with their tax rate, tax per rate, totals, and what is paid and still due. */
export function invoiceHtml(data: InvoiceData, texts: DocumentTexts): SafeHtml {
  const format = documentFormat(data.branding.locale, data.currency);
  const taxLabel = data.pricesIncludeTax ? texts.taxIncluded : texts.taxAdded;
  const party = (title: string, address: InvoiceData['billTo']) =>
    html`<div>
      <h2>${title}</h2>
      ${address ? addressLines(address).map((line) => html`<div>${line}</div>`) : html`<div>${data.customerName}</div>`}
    </div>`;
  return html`<header class="head">
      ${brandHeader(data.branding)}
      <div class="title">
        <h1>${texts.invoice}</h1>
        <div class="codes">
          <div>
            <div class="code128">${code128Svg(data.number)}</div>
            <div class="number">${data.number}</div>
          </div>
        </div>
      </div>
    </header>
    <div class="parties">
      ${party(texts.billTo, data.billTo)} ${data.shipTo && party(texts.shipTo, data.shipTo)}
      <dl class="meta">
        <dt>${texts.order}</dt>
        <dd class="mono">${data.number}</dd>
        <dt>${texts.date}</dt>
        <dd>${format.date(data.placedAt)}</dd>
        <dt>${texts.paymentStatus}</dt>
        <dd class="status status--${data.paymentStatus}">${texts.paymentStatuses[data.paymentStatus]}</dd>
      </dl>
    </div>
    <table class="lines">
      <thead>
        <tr>
          <th>${texts.sku}</th>
          <th>${texts.item}</th>
          <th class="num">${texts.quantity}</th>
          <th class="num">${texts.unitPrice}</th>
          <th class="num">${texts.discount}</th>
          <th class="num">${texts.taxRate}</th>
          <th class="num">${texts.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${data.lines.map(
          (line) =>
            html`<tr>
              <td class="mono">${line.sku}</td>
              <td>${line.name}</td>
              <td class="num">${line.quantity}</td>
              <td class="num">${format.money(line.unitPrice)}</td>
              <td class="num">${line.discount > 0 ? `−${format.money(line.discount)}` : ''}</td>
              <td class="num">${format.percent(line.rateBasisPoints)} %</td>
              <td class="num">${format.money(line.total)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <div class="sums">
      <table class="rates">
        <thead>
          <tr>
            <th>${texts.taxRate}</th>
            <th class="num">${texts.taxable}</th>
            <th class="num">${texts.tax}</th>
          </tr>
        </thead>
        <tbody>
          ${data.taxes.map(
            (rate) =>
              html`<tr>
                <td>${format.percent(rate.rateBasisPoints)} %</td>
                <td class="num">${format.money(rate.taxable)}</td>
                <td class="num">${format.money(rate.tax)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <table class="totals">
        ${leadingTotals(
          { subtotal: data.subtotal, discounts: data.discountTotal, shipping: data.shippingTotal },
          texts,
          format,
        )}
        ${data.taxes.map(
          (rate) =>
            html`<tr>
              <td>${fill(taxLabel, { rate: format.percent(rate.rateBasisPoints) })}</td>
              <td class="num">${format.money(rate.tax)}</td>
            </tr>`,
        )}
        <tr class="grand">
          <td>${texts.total}</td>
          <td class="num">${format.money(data.grandTotal)}</td>
        </tr>
        <tr>
          <td>${texts.paid}</td>
          <td class="num">${format.money(data.paidTotal)}</td>
        </tr>
        ${
          data.refundedTotal > 0 &&
          html`<tr>
            <td>${texts.refunded}</td>
            <td class="num">−${format.money(data.refundedTotal)}</td>
          </tr>`
        }
        <tr class="due">
          <td>${texts.balanceDue}</td>
          <td class="num">${format.money(data.balanceDue)}</td>
        </tr>
      </table>
    </div>
    ${
      data.payments.length > 0 &&
      html`<div class="payments">
        <h2>${texts.payments}</h2>
        ${data.payments.map(
          (payment) =>
            html`<div>
              ${format.dateTime(payment.at)} ·
              ${texts.methods[payment.method]}${payment.reference && ` (${payment.reference})`} ·
              ${payment.kind === 'refund' ? '−' : ''}${format.money(payment.amount)}
            </div>`,
        )}
      </div>`
    }
    ${data.pricesIncludeTax && html`<p class="small">${texts.pricesIncludeTax}</p>`}`;
}

export const INVOICE_CSS = `${SHEET_CSS}
.oms-doc .sums { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; break-inside: avoid; }
.oms-doc .rates { border-collapse: collapse; font-size: 8.5pt; }
.oms-doc .rates th { text-align: left; font-weight: 600; border-bottom: 0.3mm solid #000; padding: 1mm 2mm; }
.oms-doc .rates td { padding: 0.8mm 2mm; }
.oms-doc .due td { font-weight: 700; }
.oms-doc .status { font-weight: 700; }
.oms-doc .payments { margin-top: 4mm; font-size: 8.5pt; break-inside: avoid; }
`;
