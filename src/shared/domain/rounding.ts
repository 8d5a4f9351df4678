export const ROUNDING_MODES = ['half-up', 'half-even'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/**
 * numerator / denominator rounded to a whole number, for non-negative values: half up
 * (0.5 → 1, the shop counter's rule) or half even (0.5 → 0, 1.5 → 2: banker's rounding,
 * which some tax authorities and accountants ask for). BigInt, so nothing is lost on the way.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (numerator < 0n || denominator <= 0n)
    throw new RangeError('divideRounded takes a non-negative numerator and a positive denominator');
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  if (twiceRemainder > denominator) return quotient + 1n;
  if (twiceRemainder < denominator) return quotient;
  return mode === 'half-up' || quotient % 2n === 1n ? quotient + 1n : quotient;
}

/** Splits `amount` over `weights` in proportion, in whole units adding up exactly (largest remainders). */
export function allocateProportionally(amount: bigint, weights: bigint[]): bigint[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  if (amount === 0n || total === 0n) return weights.map(() => 0n);
  const exact = weights.map((w) => amount * w);
  const shares = exact.map((e) => e / total);
  let left = amount - shares.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, remainder: e % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] += 1n;
    left -= 1n;
  }
  return shares;
}
