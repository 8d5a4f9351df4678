/**
 * Spreads an extra cost (freight, duty) over received lines in proportion to their
 * value, in whole minor units: the shares always add up to the extra cost exactly, the
 * leftover units going to the lines with the largest remainders.
 */
export function allocateByValue(lines: Array<{ quantity: number; unitCost: number }>, extra: number): number[] {
  const values = lines.map((l) => BigInt(l.quantity) * BigInt(l.unitCost));
  const total = values.reduce((a, b) => a + b, 0n);
  if (extra === 0 || lines.length === 0) return lines.map(() => 0);
  // With no value to weigh by (free goods), share by quantity instead.
  const weights = total > 0n ? values : lines.map((l) => BigInt(l.quantity));
  const weightTotal = weights.reduce((a, b) => a + b, 0n);
  const exact = weights.map((w) => BigInt(extra) * w);
  const shares = exact.map((e) => e / weightTotal);
  let left = BigInt(extra) - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e % weightTotal }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    shares[i] += 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

/** Unit cost including a line's share of landed cost, rounded half up to a minor unit. */
export function landedUnitCost(unitCost: number, quantity: number, share: number): number {
  if (quantity === 0) return unitCost;
  const total = BigInt(unitCost) * BigInt(quantity) + BigInt(share);
  return Number((total * 2n + BigInt(quantity)) / (BigInt(quantity) * 2n));
}
