import { allocateProportionally, divideRounded } from '../../../shared/domain/rounding';

/**
 * Spreads an extra cost (freight, duty) over received lines in proportion to their
 * value, in whole minor units: the shares always add up to the extra cost exactly, the
 * leftover units going to the lines with the largest remainders.
 */
export function allocateByValue(lines: Array<{ quantity: number; unitCost: number }>, extra: number): number[] {
  const values = lines.map((l) => BigInt(l.quantity) * BigInt(l.unitCost));
  // With no value to weigh by (free goods), share by quantity instead.
  const weights = values.some((v) => v > 0n) ? values : lines.map((l) => BigInt(l.quantity));
  return allocateProportionally(BigInt(extra), weights).map(Number);
}

/** Unit cost including a line's share of landed cost, rounded half up to a minor unit. */
export function landedUnitCost(unitCost: number, quantity: number, share: number): number {
  if (quantity === 0) return unitCost;
  return Number(divideRounded(BigInt(unitCost) * BigInt(quantity) + BigInt(share), BigInt(quantity), 'half-up'));
}
