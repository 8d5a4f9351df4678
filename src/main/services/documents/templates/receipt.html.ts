import type { DocumentTexts } from '../document-texts';
import { fill } from '../document-texts';
import type { ReceiptData } from '../receipt';
import type { Paper } from '../../../../shared/domain/documents';
import { code128Svg, qrSvg } from './barcodes';
import { documentFormat } from './format';
import { html, type SafeHtml } from './html';

/** The counter's receipt on a thermal roll (80 or 58 mm): lines, totals, tax, tender and change. */
export function receiptHtml(data: ReceiptData, texts: DocumentTexts, paper: Paper): SafeHtml {
  const format = documentFormat(data.branding.locale, data.currency);
  const branding = data.branding;
  const row = (label: SafeHtml | string, value: string, className = '') =>
    html`<div class="${className}">
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<header class="receipt__head">
      ${branding.logo && html`<img class="receipt__logo" src="${branding.logo}" alt="" />`}
      <h2>${branding.storeName}</h2>
      ${branding.addressLines.map((line) => html`<div>${line}</div>`)}
      ${branding.phone && html`<div>${branding.phone}</div>`}
    </header>
    <dl class="receipt__meta">
      <div>
        <dt>${texts.order}</dt>
        <dd class="mono">${data.number}</dd>
      </div>
      ${row(texts.date, format.dateTime(data.at))} ${row(texts.terminal, data.terminal)}
      ${data.clerk && row(texts.clerk, data.clerk)} ${row(texts.customer, data.customerName ?? texts.walkIn)}
    </dl>
    <table class="receipt__lines">
      <thead>
        <tr>
          <th>${texts.item}</th>
          <th class="num">${texts.quantity}</th>
          <th class="num">${texts.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${data.lines.map(
          (line) =>
            html`<tr>
              <td>
                <div>${line.name}</div>
                <div class="receipt__small">${line.sku} · ${format.money(line.unitPrice)}</div>
                ${line.lineDiscount > 0 && html`<div class="receipt__small">${texts.discount} −${format.money(line.lineDiscount)}</div>`}
              </td>
              <td class="num">${line.quantity}</td>
              <td class="num">${format.money(line.gross)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <dl class="receipt__totals">
      ${row(texts.subtotal, format.money(data.subtotal))}
      ${data.discountTotal > 0 && row(texts.discounts, `−${format.money(data.discountTotal)}`)}
      ${data.shippingTotal > 0 && row(texts.shipping, format.money(data.shippingTotal))}
      ${data.taxes.map((tax) =>
        row(
          fill(data.pricesIncludeTax ? texts.taxIncluded : texts.taxAdded, {
            rate: format.percent(tax.rateBasisPoints),
          }),
          format.money(tax.tax),
        ),
      )}
      ${row(texts.total, format.money(data.grandTotal), 'receipt__grand')}
    </dl>
    <dl class="receipt__payments">
      ${data.payments.map(
        (payment) =>
          html`${row(
            html`${texts.methods[payment.method]}${payment.reference && html`<span class="receipt__small"> ${texts.reference} ${payment.reference}</span>`}`,
            format.money(payment.amount),
          )}
          ${payment.tendered !== null && row(texts.tendered, format.money(payment.tendered), 'receipt__small')}
          ${payment.changeGiven > 0 && row(texts.change, format.money(payment.changeGiven))}`,
      )}
    </dl>
    ${
      // A Code 128 of the number on 58 mm would have modules under two dots of a 203 dpi head: a QR code reads there.
      paper === '58mm'
        ? html`<div class="receipt__code receipt__code--qr">${qrSvg(data.number)}</div>`
        : html`<div class="receipt__code">${code128Svg(data.number, 8)}</div>`
    }
    <footer class="receipt__foot">${texts.thanks}</footer>`;
}

export const RECEIPT_CSS = `
.oms-doc--receipt { font-size: 9pt; }
.oms-doc--58mm { font-size: 7.5pt; }
.oms-doc .receipt__head { text-align: center; margin-bottom: 3mm; }
.oms-doc .receipt__head h2 { font-size: 1.3em; margin: 0 0 1mm; }
.oms-doc .receipt__logo { display: block; margin: 0 auto 1mm; max-width: 60%; max-height: 18mm; object-fit: contain; }
.oms-doc dl { margin: 0; }
.oms-doc dl > div { display: flex; justify-content: space-between; gap: 2mm; }
.oms-doc dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.oms-doc .receipt__meta, .oms-doc .receipt__lines, .oms-doc .receipt__totals {
  border-bottom: 0.3mm dashed #000; padding-bottom: 2mm; margin-bottom: 2mm; }
.oms-doc .receipt__lines { width: 100%; border-collapse: collapse; }
.oms-doc .receipt__lines th { text-align: left; font-weight: 600; border-bottom: 0.3mm dashed #000; }
.oms-doc .receipt__lines td { vertical-align: top; }
.oms-doc .receipt__lines .num { text-align: right; white-space: nowrap; padding-left: 2mm; }
.oms-doc .receipt__small { font-size: 0.85em; }
.oms-doc .receipt__grand { font-size: 1.3em; font-weight: 700; }
.oms-doc .receipt__code { margin: 3mm auto 0; }
.oms-doc .receipt__code svg { width: 100%; height: auto; }
.oms-doc .receipt__code--qr { width: 22mm; }
.oms-doc .receipt__foot { text-align: center; margin-top: 2mm; }
.oms-doc .mono { font-family: "DejaVu Sans Mono", "Noto Sans Mono", Consolas, monospace; }
`;
