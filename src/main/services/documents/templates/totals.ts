import type { DocumentTexts } from '../document-texts';
import type { DocumentFormat } from './format';
import { html, type SafeHtml } from './html';

/** The subtotal, discount and shipping rows every priced document starts its totals with. */
export function leadingTotals(
  amounts: { subtotal: number; discounts: number; shipping: number },
  texts: Pick<DocumentTexts, 'subtotal' | 'discounts' | 'shipping'>,
  format: DocumentFormat,
): SafeHtml {
  return html`<tr>
      <td>${texts.subtotal}</td>
      <td class="num">${format.money(amounts.subtotal)}</td>
    </tr>
    ${
      amounts.discounts > 0 &&
      html`<tr>
        <td>${texts.discounts}</td>
        <td class="num">−${format.money(amounts.discounts)}</td>
      </tr>`
    }
    ${
      amounts.shipping > 0 &&
      html`<tr>
        <td>${texts.shipping}</td>
        <td class="num">${format.money(amounts.shipping)}</td>
      </tr>`
    }`;
}
