import type { Branding } from '../branding';
import { html, type SafeHtml } from './html';

/** The store's logo, name and address at the top of a document. */
export function brandHeader(branding: Branding): SafeHtml {
  return html`<div class="brand">
    ${branding.logo && html`<img class="brand__logo" src="${branding.logo}" alt="" />`}
    <div>
      <div class="brand__name">${branding.storeName}</div>
      ${branding.addressLines.map((line) => html`<div>${line}</div>`)}
      ${(branding.phone || branding.email) && html`<div>${[branding.phone, branding.email].filter(Boolean).join(' · ')}</div>`}
    </div>
  </div>`;
}

/**
 * Styles shared by the sheet documents (packing slip, invoice). The Code 128 is 80 mm wide,
 * so a module is about 0.3 mm: wide enough for handheld scanners and a 200 dpi scan.
 */
export const SHEET_CSS = `
.oms-doc { font-size: 9.5pt; }
.oms-doc .head { display: flex; justify-content: space-between; align-items: flex-start; gap: 8mm; margin-bottom: 6mm; }
.oms-doc .brand { display: flex; gap: 4mm; align-items: flex-start; }
.oms-doc .brand__logo { max-height: 20mm; max-width: 45mm; object-fit: contain; }
.oms-doc .brand__name { font-size: 14pt; font-weight: 700; margin-bottom: 1mm; }
.oms-doc .title { text-align: right; }
.oms-doc .title h1 { font-size: 18pt; margin: 0 0 2mm; font-weight: 700; }
.oms-doc .codes { display: flex; gap: 3mm; justify-content: flex-end; align-items: center; }
.oms-doc .codes .code128 { width: 80mm; }
.oms-doc .codes .qr { width: 20mm; }
.oms-doc .number { font-family: "DejaVu Sans Mono", "Noto Sans Mono", Consolas, monospace; font-size: 10pt; text-align: center; }
.oms-doc .parties { display: flex; gap: 10mm; margin-bottom: 5mm; }
.oms-doc .parties > * { flex: 1; }
.oms-doc h2 { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.04em; color: #444; margin: 0 0 1mm; font-weight: 600; }
.oms-doc .meta { display: grid; grid-template-columns: auto 1fr; gap: 0.5mm 4mm; margin: 0; }
.oms-doc .meta dt { color: #444; }
.oms-doc .meta dd { margin: 0; white-space: nowrap; }
.oms-doc table.lines { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
.oms-doc table.lines thead { display: table-header-group; }
.oms-doc table.lines th { text-align: left; font-size: 8pt; font-weight: 600; border-bottom: 0.4mm solid #000; padding: 1.5mm 2mm; }
.oms-doc table.lines td { border-bottom: 0.2mm solid #bbb; padding: 1.5mm 2mm; vertical-align: top; }
.oms-doc table.lines tr { break-inside: avoid; }
.oms-doc .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.oms-doc .mono { font-family: "DejaVu Sans Mono", "Noto Sans Mono", Consolas, monospace; font-size: 8.5pt; }
.oms-doc .small { font-size: 8pt; color: #333; }
.oms-doc .totals { margin-left: auto; width: 75mm; border-collapse: collapse; break-inside: avoid; }
.oms-doc .totals td { padding: 0.8mm 2mm; }
.oms-doc .totals .grand td { font-weight: 700; font-size: 11pt; border-top: 0.4mm solid #000; }
.oms-doc .note { border: 0.2mm solid #999; padding: 2mm 3mm; margin-top: 4mm; white-space: pre-wrap; break-inside: avoid; }
`;
