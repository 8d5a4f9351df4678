/**
 * The part of a line's charged amount that `count` of its `quantity` units carry, rounded
 * half up. Returns take the difference between two such shares (units returned before,
 * and after this return), so however a line comes back — all at once or one unit at a
 * time — the refunds add up to exactly what was charged for it.
 */
export function shareOf(amount: number, quantity: number, count: number): number {
  const numerator = BigInt(amount) * BigInt(count);
  const q = BigInt(quantity);
  return Number((2n * numerator + q) / (2n * q));
}

/** What returning `units` more, after `before` already returned, refunds of a line's total and of its tax. */
export function returnShare(
  line: { total: number; tax: number; quantity: number },
  before: number,
  units: number,
): { amount: number; tax: number } {
  const amount = shareOf(line.total, line.quantity, before + units) - shareOf(line.total, line.quantity, before);
  const tax = shareOf(line.tax, line.quantity, before + units) - shareOf(line.tax, line.quantity, before);
  return { amount, tax };
}
