import type { DocumentTexts } from '../document-texts';
import { fill } from '../document-texts';
import type { PackingSlipData } from '../packing-slip';
import { code128Svg, qrSvg } from './barcodes';
import { brandHeader, SHEET_CSS } from './brand-header';
import { addressLines, documentFormat } from './format';
import { html, type SafeHtml } from './html';
import { leadingTotals } from './totals';

/** A packing slip: what goes in the parcel, where to pick it, and who it goes to. Prices only if the shop chose so. */
export function packingSlipHtml(data: PackingSlipData, texts: DocumentTexts): SafeHtml {
  const format = documentFormat(data.branding.locale, data.currency);
  const prices = data.prices;
  const items = data.lines.reduce((sum, line) => sum + line.quantity, 0);
  return html`<header class="head">
      ${brandHeader(data.branding)}
      <div class="title">
        <h1>${texts.packingSlip}</h1>
        <div class="codes">
          <div>
            <div class="code128">${code128Svg(data.number)}</div>
            <div class="number">${data.number}</div>
          </div>
          <div class="qr">${qrSvg(data.number)}</div>
        </div>
      </div>
    </header>
    <div class="parties">
      <div>
        <h2>${texts.shipTo}</h2>
        ${data.shipTo ? addressLines(data.shipTo).map((line) => html`<div class="address-line">${line}</div>`) : html`<div>${data.customerName}</div>`}
      </div>
      <dl class="meta">
        <dt>${texts.order}</dt>
        <dd class="mono">${data.number}</dd>
        <dt>${texts.date}</dt>
        <dd>${format.date(data.placedAt)}</dd>
        ${
          data.promisedDate &&
          html`<dt>${texts.promised}</dt>
            <dd>${format.date(data.promisedDate)}</dd>`
        }
        ${
          data.shippingMethod &&
          html`<dt>${texts.shipVia}</dt>
            <dd>${data.shippingMethod}</dd>`
        }
        <dt>${texts.customer}</dt>
        <dd>${data.customerName}</dd>
      </dl>
    </div>
    <table class="lines">
      <thead>
        <tr>
          <th>${texts.bin}</th>
          <th>${texts.sku}</th>
          <th>${texts.item}</th>
          <th class="num">${texts.quantity}</th>
          ${
            prices &&
            html`<th class="num">${texts.unitPrice}</th>
              <th class="num">${texts.amount}</th>`
          }
          <th class="num">${texts.packed}</th>
        </tr>
      </thead>
      <tbody>
        ${data.lines.map(
          (line) =>
            html`<tr>
              <td class="mono">${line.bins.join(', ')}</td>
              <td class="mono">${line.sku}</td>
              <td>
                ${line.name}${line.options.length > 0 && html`<div class="small">${line.options.join(' · ')}</div>`}
              </td>
              <td class="num qty">${line.quantity}</td>
              ${
                prices &&
                html`<td class="num">${format.money(line.unitPrice)}</td>
                  <td class="num">${format.money(line.total)}</td>`
              }
              <td class="num"><span class="box"></span></td>
            </tr>`,
        )}
      </tbody>
    </table>
    <div class="after-lines">
      <div class="count">${fill(texts.itemsCount, { count: items })}</div>
      ${
        prices &&
        html`<table class="totals">
          ${leadingTotals(prices, texts, format)}
          <tr class="grand">
            <td>${texts.total}</td>
            <td class="num">${format.money(prices.grandTotal)}</td>
          </tr>
        </table>`
      }
    </div>
    ${
      data.notes &&
      html`<div class="note">
        <h2>${texts.notes}</h2>
        ${data.notes}
      </div>`
    }
    ${
      data.returnInstructions &&
      html`<div class="note">
        <h2>${texts.returns}</h2>
        ${data.returnInstructions}
      </div>`
    }`;
}

export const PACKING_SLIP_CSS = `${SHEET_CSS}
.oms-doc .qty { font-size: 11pt; font-weight: 700; }
.oms-doc .box { display: inline-block; width: 4mm; height: 4mm; border: 0.3mm solid #000; }
.oms-doc .after-lines { display: flex; justify-content: space-between; align-items: flex-start; }
.oms-doc .count { font-weight: 600; }
`;
