/** A parcel as a carrier weighs and measures it. Dimensions are null when unknown. */
export interface Parcel {
  weightGrams: number;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

/**
 * Volumetric weight: L×W×H in cm³ ÷ divisor (cm³ per kg) gives kilograms, so in
 * millimetres and grams it is L×W×H ÷ divisor exactly (mm³/1000 = cm³, kg×1000 = g),
 * rounded up to the next whole gram. Null when the service does not charge by volume
 * (divisor 0) or the parcel's size is unknown.
 */
export function volumetricGrams(parcel: Parcel, divisor: number): number | null {
  if (divisor <= 0 || parcel.lengthMm === null || parcel.widthMm === null || parcel.heightMm === null) return null;
  const cubicMm = BigInt(parcel.lengthMm) * BigInt(parcel.widthMm) * BigInt(parcel.heightMm);
  const d = BigInt(divisor);
  return Number((cubicMm + d - 1n) / d);
}

/**
 * Carriers charge the greater of the actual and the volumetric weight. A parcel never
 * weighs nothing to a carrier: one whose products have no weight yet is charged as the
 * lightest parcel (the first weight), not refused by every bracket.
 */
export function billableGrams(parcel: Parcel, divisor: number): number {
  return Math.max(1, parcel.weightGrams, volumetricGrams(parcel, divisor) ?? 0);
}

/** The base weight, plus the billable weight beyond it rounded up to whole steps (per started step). */
export function chargedSteps(billable: number, baseWeightGrams: number, stepGrams: number): number {
  if (billable <= baseWeightGrams) return 0;
  return Math.ceil((billable - baseWeightGrams) / stepGrams);
}

/** Sides sorted longest first, and length + girth (longest + 2 × the other two), as UPS and FedEx measure it. */
export function parcelMeasures(parcel: Parcel): { longestMm: number; lengthPlusGirthMm: number } | null {
  if (parcel.lengthMm === null || parcel.widthMm === null || parcel.heightMm === null) return null;
  const [longest, middle, shortest] = [parcel.lengthMm, parcel.widthMm, parcel.heightMm].sort((a, b) => b - a);
  return { longestMm: longest, lengthPlusGirthMm: longest + 2 * (middle + shortest) };
}
