import bwipjs from 'bwip-js/node';
import { SafeHtml } from './html';

/*
 * Barcodes as inline SVG: vector bars stay sharp at any printer resolution. A white
 * background and a quiet zone of padding, or scanners (and zbarimg) find nothing.
 */

/** Code 128 of a document number; the number is printed as text beside it, so the bars carry no text. */
export function code128Svg(text: string, heightMm = 12): SafeHtml {
  return new SafeHtml(
    bwipjs.toSVG({
      bcid: 'code128',
      text,
      height: heightMm,
      scale: 2,
      backgroundcolor: 'FFFFFF',
      paddingwidth: 10,
      paddingheight: 2,
    }),
  );
}

export function qrSvg(text: string): SafeHtml {
  return new SafeHtml(bwipjs.toSVG({ bcid: 'qrcode', text, scale: 2, backgroundcolor: 'FFFFFF', padding: 4 }));
}
