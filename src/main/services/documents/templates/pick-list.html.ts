import type { DocumentTexts } from '../document-texts';
import { fill } from '../document-texts';
import type { PickListDocument } from '../pick-list';
import { code128Svg } from './barcodes';
import { SHEET_CSS } from './brand-header';
import { documentFormat } from './format';
import { html, type SafeHtml } from './html';

/**
 * A pick list on paper: the lines in walk order, one product in one bin each, with a box
 * to tick and how many of it go into which tote. The number's Code 128 lets the pack
 * station open the list with a scan.
 */
export function pickListHtml(data: PickListDocument, texts: DocumentTexts): SafeHtml {
  const format = documentFormat(data.branding.locale, data.currency);
  return html`<header class="head">
      <div>
        <h1 class="pick-title">${texts.pickList}</h1>
        <dl class="meta">
          <dt>${texts.warehouse}</dt>
          <dd>${data.warehouse.name} (${data.warehouse.code})</dd>
          <dt>${texts.created}</dt>
          <dd>${format.dateTime(data.createdAt)}</dd>
          <dt>${texts.total}</dt>
          <dd>${fill(texts.unitsCount, { count: data.units, lines: data.lines.length })}</dd>
        </dl>
      </div>
      <div class="title">
        <div class="codes">
          <div>
            <div class="code128">${code128Svg(data.number)}</div>
            <div class="number">${data.number}</div>
          </div>
        </div>
      </div>
    </header>
    <h2>${texts.orders}</h2>
    <ul class="totes">
      ${data.orders.map(
        (order) =>
          html`<li>
            <span class="tote">${order.tote}</span>
            <span class="mono">${order.number}</span>
            <span class="small">${order.customerName}</span>
          </li>`,
      )}
    </ul>
    <table class="lines">
      <thead>
        <tr>
          <th class="check-col"></th>
          <th>${texts.bin}</th>
          <th>${texts.sku}</th>
          <th>${texts.item}</th>
          <th class="num">${texts.quantity}</th>
          <th>${texts.totes}</th>
        </tr>
      </thead>
      <tbody>
        ${data.lines.map(
          (line) =>
            html`<tr>
              <td><span class="box"></span></td>
              <td class="mono bin">${line.locationCode}</td>
              <td class="mono">${line.sku}</td>
              <td>${line.name}</td>
              <td class="num qty">${line.quantity}</td>
              <td class="split">
                ${line.orders.map(
                  (share) =>
                    html`<span class="share"><span class="tote">${share.tote}</span> × ${share.quantity}</span> `,
                )}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export const PICK_LIST_CSS = `${SHEET_CSS}
.oms-doc .pick-title { font-size: 18pt; margin: 0 0 3mm; font-weight: 700; }
.oms-doc .totes { list-style: none; padding: 0; margin: 0 0 5mm; display: grid; grid-template-columns: repeat(2, 1fr); gap: 1mm 8mm; }
.oms-doc .totes li { display: flex; gap: 2mm; align-items: baseline; white-space: nowrap; overflow: hidden; break-inside: avoid; }
.oms-doc .totes .small { overflow: hidden; text-overflow: ellipsis; }
.oms-doc .tote { display: inline-block; min-width: 5.5mm; padding: 0 1mm; border: 0.3mm solid #000; border-radius: 1mm; text-align: center; font-weight: 700; font-variant-numeric: tabular-nums; }
.oms-doc .check-col { width: 8mm; }
.oms-doc .box { display: inline-block; width: 4.5mm; height: 4.5mm; border: 0.3mm solid #000; }
.oms-doc .bin { font-size: 10.5pt; font-weight: 700; white-space: nowrap; }
.oms-doc .qty { font-size: 11pt; font-weight: 700; }
.oms-doc .split { white-space: nowrap; }
.oms-doc .share { margin-right: 2.5mm; }
`;
