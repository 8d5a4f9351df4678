import { PAPER_SIZES, type Paper } from '../../shared/domain/documents';

const POINTS_PER_MM = 72 / 25.4;
const MEDIA_BOX = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g;

/**
 * Chromium writes a PDF page size on a grid of 1/75 in (a 100×150 mm label comes out as
 * 282.96×425.04 pt, A4 as 594.96×841.92): this sets each page's box to the paper's exact
 * size, 283.46×425.2 pt, so a printer that fits the page to its stock does not scale it.
 * The new box is padded to the old one's length in bytes, so the file's cross-reference
 * offsets stay right; a box already exact, or one with no room, is left as it is. A roll
 * has no fixed height and is left alone.
 */
export function withExactPageSize(pdf: Buffer, paper: Paper): Buffer {
  const { widthMm, heightMm } = PAPER_SIZES[paper];
  if (heightMm === null) return pdf;
  const width = Math.round(widthMm * POINTS_PER_MM * 100) / 100;
  const height = Math.round(heightMm * POINTS_PER_MM * 100) / 100;
  // latin1 maps each byte to one character and back, so lengths and offsets are the file's.
  const text = pdf.toString('latin1');
  const fixed = text.replace(MEDIA_BOX, (box: string, w: string, h: string) => {
    if (Math.abs(Number(w) - width) < 0.01 && Math.abs(Number(h) - height) < 0.01) return box;
    const exact = `/MediaBox [0 0 ${width} ${height}]`;
    return exact.length <= box.length ? exact.replace(']', `${' '.repeat(box.length - exact.length)}]`) : box;
  });
  return fixed === text ? pdf : Buffer.from(fixed, 'latin1');
}
