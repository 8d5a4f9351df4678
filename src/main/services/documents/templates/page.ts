import { isLabel, isRoll, PAPER_SIZES, type DocumentKind, type Paper } from '../../../../shared/domain/documents';
import type { Locale } from '../../../../shared/domain/settings';
import type { DocumentTexts } from '../document-texts';
import { cssString, html, type SafeHtml } from './html';

/** One order's document inside a page: its number (for the page footer) and its body. */
export interface DocumentPart {
  number: string;
  body: SafeHtml;
}

export interface LaidOutDocument {
  /** A whole page: what the preview frame, Chromium's PDF and Electron's printer load. */
  html: string;
  /** The documents alone, and their CSS scoped to `.oms-doc`: for showing inside the app's own page. */
  body: string;
  css: string;
}

/** The sheet's margins (mm): room for the footer's order number and page numbers. */
const SHEET_MARGIN = { top: 12, side: 12, bottom: 16 };

/**
 * Named fonts, so Chromium embeds them by name in the PDF. Chinese documents put a CJK
 * family first (Latin letters look right in it too); English ones fall back to it for
 * Chinese names. TrueType CJK fonts come before Noto Sans CJK: Chromium's PDF writer
 * embeds TrueType outlines as a named CID font but CFF-based OpenType (Noto Sans CJK) as
 * unnamed Type 3 glyph procedures, which some printers' RIPs render slowly or badly.
 */
function fontStack(locale: Locale): string {
  const cjk = '"Microsoft YaHei", "PingFang SC", "Droid Sans Fallback", "Noto Sans CJK SC", "Source Han Sans SC"';
  const latin = '"Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial';
  return locale === 'zh-CN' ? `${cjk}, ${latin}, sans-serif` : `${latin}, ${cjk}, sans-serif`;
}

function pageRules(paper: Paper, parts: DocumentPart[], texts: DocumentTexts, locale: Locale): string {
  const size = PAPER_SIZES[paper];
  if (size.heightMm === null) {
    // A roll: each document's page gets its own measured length (rollPageCss) before printing.
    return `@page { size: ${size.widthMm}mm 297mm; margin: 0; }`;
  }
  // Label stock: one label a page, edge to edge; its numbers are on the label itself.
  if (isLabel(paper)) return `@page { size: ${size.widthMm}mm ${size.heightMm}mm; margin: 0; }`;
  const [before, middle, after] = texts.pageOf;
  const numbers =
    parts.length === 1
      ? `${cssString(before)} counter(page) ${cssString(middle)} counter(pages) ${cssString(after)}`
      : // A batch is one document to Chromium: its page numbers run across all the orders.
        `counter(page) " / " counter(pages)`;
  const margin = `${SHEET_MARGIN.top}mm ${SHEET_MARGIN.side}mm ${SHEET_MARGIN.bottom}mm`;
  const footer = `font-family: ${fontStack(locale)}; font-size: 8pt; color: #444;`;
  return [
    `@page { size: ${size.widthMm}mm ${size.heightMm}mm; margin: ${margin};`,
    `  @bottom-right { content: ${numbers}; ${footer} } }`,
    ...parts.map((part, i) => `@page d${i} { @bottom-left { content: ${cssString(part.number)}; ${footer} } }`),
  ].join('\n');
}

/** On screen (the preview), each document looks like its sheet; printed, the @page rules decide. */
function screenRules(paper: Paper): string {
  const size = PAPER_SIZES[paper];
  if (size.heightMm === null) {
    return `@media screen {
  html, body { background: #d9d9d9; }
  body { padding: 1px 0; }
  .oms-doc__one { margin: 6mm auto; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); }
}`;
  }
  const padding = isLabel(paper) ? '0' : `${SHEET_MARGIN.top}mm ${SHEET_MARGIN.side}mm`;
  return `@media screen {
  html, body { background: #d9d9d9; }
  body { padding: 1px 0; }
  .oms-doc__one { box-sizing: border-box; width: ${size.widthMm}mm; min-height: ${size.heightMm}mm;
    padding: ${padding}; margin: 6mm auto; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); }
}`;
}

/**
 * One or many orders' documents of one kind in one page. Each document is a section on a
 * named page of its own (`d0`, `d1`…): the footer names its order, a roll's page gets
 * its own length, and each starts on a new sheet.
 */
export function layOutDocuments(options: {
  kind: DocumentKind;
  paper: Paper;
  locale: Locale;
  title: string;
  texts: DocumentTexts;
  kindCss: string;
  parts: DocumentPart[];
}): LaidOutDocument {
  const { kind, paper, locale, parts } = options;
  const scoped = `.oms-doc { font-family: ${fontStack(locale)}; color: #000; line-height: 1.35; }
.oms-doc * { box-sizing: border-box; }
.oms-doc__one + .oms-doc__one { break-before: page; }
.oms-doc svg { display: block; width: 100%; height: auto; }
${isRoll(paper) ? `.oms-doc__one { width: ${PAPER_SIZES[paper].widthMm}mm; padding: 2mm 3mm 3mm; }` : ''}
${isLabel(paper) ? `.oms-doc__one { width: ${PAPER_SIZES[paper].widthMm}mm; height: ${PAPER_SIZES[paper].heightMm}mm; overflow: hidden; }` : ''}
${options.kindCss}`;
  const body = html`<div class="oms-doc oms-doc--${kind} oms-doc--${paper}" lang="${locale}">
    ${parts.map((part, i) => html`<section class="oms-doc__one" style="page: d${i}">${part.body}</section> `)}
  </div>`.text;
  const page = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8" />
<title>${html`${options.title}`.text}</title>
<style>
html, body { margin: 0; padding: 0; background: #fff; }
${pageRules(paper, parts, options.texts, locale)}
${screenRules(paper)}
${scoped}
</style>
</head>
<body>
${body}
</body>
</html>`;
  return { html: page, body, css: scoped };
}

/** Measures each document's height (mm) in a laid-out page: run in the page by the renderer. */
export const MEASURE_DOCUMENTS_SCRIPT = `[...document.querySelectorAll('.oms-doc__one')].map((el) => el.getBoundingClientRect().height * 25.4 / 96)`;
