/**
 * Weighted average cost after a receipt, in minor units, rounded half up. BigInt keeps
 * quantity × cost exact however large the numbers get. Stock below zero (backorders)
 * counts as none: the receipt then sets the cost.
 */
export function weightedAverageCost(
  onHandBefore: number,
  costBefore: number,
  received: number,
  unitCost: number,
): number {
  const held = BigInt(Math.max(0, onHandBefore));
  const units = held + BigInt(received);
  if (units === 0n) return costBefore;
  const value = held * BigInt(costBefore) + BigInt(received) * BigInt(unitCost);
  return Number((value * 2n + units) / (units * 2n));
}
