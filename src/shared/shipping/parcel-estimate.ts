import type { Parcel } from './billable-weight';

export interface ParcelItem {
  quantity: number;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

/** Room for wrapping and filling around the goods: the box holds their volume plus a fifth. */
const PACKING_ALLOWANCE = 1.2;
/** Boxes come in whole centimetres. */
const BOX_STEP_MM = 10;

function upToBoxStep(mm: number): number {
  return Math.ceil(mm / BOX_STEP_MM) * BOX_STEP_MM;
}

/**
 * The parcel an order's items make before anyone packs it: their weights added up, and a
 * box as long as the longest item's longest side, its other two sides equal and large
 * enough to hold the items' volume plus 20 % (never narrower than the widest item's middle
 * side), each side rounded up to whole centimetres. Items without a weight count as
 * nothing and are reported; without every item's size the box is unknown (dimensions null).
 */
export function estimateParcel(items: readonly ParcelItem[]): { parcel: Parcel; unweighedItems: number } {
  const weightGrams = items.reduce((sum, item) => sum + (item.weightGrams ?? 0) * item.quantity, 0);
  const unweighedItems = items.filter((item) => item.weightGrams === null).length;
  const sized = items.every((item) => item.lengthMm !== null && item.widthMm !== null && item.heightMm !== null);
  if (!sized || items.length === 0) {
    return { parcel: { weightGrams, lengthMm: null, widthMm: null, heightMm: null }, unweighedItems };
  }
  const sides = items.map((item) => [item.lengthMm ?? 0, item.widthMm ?? 0, item.heightMm ?? 0].sort((a, b) => b - a));
  const longest = Math.max(...sides.map(([l]) => l));
  const middle = Math.max(...sides.map(([, m]) => m));
  const volume = items.reduce((sum, item, i) => sum + sides[i][0] * sides[i][1] * sides[i][2] * item.quantity, 0);
  const crossSide = longest > 0 ? Math.sqrt((volume * PACKING_ALLOWANCE) / longest) : 0;
  const side = upToBoxStep(Math.max(crossSide, middle));
  return { parcel: { weightGrams, lengthMm: upToBoxStep(longest), widthMm: side, heightMm: side }, unweighedItems };
}
