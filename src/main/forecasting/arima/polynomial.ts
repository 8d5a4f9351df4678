// Lag polynomials of ARIMA models. An AR side is stored as φ with (1 − φ₁B − … − φₚBᵖ),
// an MA side as θ with (1 + θ₁B + … + θ_qB^q); index i holds the coefficient of B^(i+1).

/** Coefficients of the product of two AR-side polynomials, both written as 1 − Σ a_i Bⁱ. */
export function multiplyAr(a: readonly number[], b: readonly number[]): number[] {
  const full = [1, ...a.map((v) => -v)];
  const other = [1, ...b.map((v) => -v)];
  const product = new Array<number>(full.length + other.length - 1).fill(0);
  full.forEach((x, i) => other.forEach((y, j) => (product[i + j] += x * y)));
  return product.slice(1).map((v) => -v);
}

/** A seasonal polynomial in B^m as an ordinary one: coefficient i at lag (i+1)·m. */
export function spread(coefficients: readonly number[], m: number): number[] {
  const result = new Array<number>(coefficients.length * m).fill(0);
  coefficients.forEach((value, i) => (result[(i + 1) * m - 1] = value));
  return result;
}

/**
 * Maps unbounded numbers raw[offset … offset+count) to the coefficients of a stationary AR
 * polynomial, written into `out`: tanh gives partial autocorrelations in (−1, 1) and the
 * Durbin–Levinson recursion turns them into AR coefficients (Jones 1980; R's arima uses
 * the same map). With sign −1 the result is an invertible MA polynomial. `work` is
 * scratch space of at least `count` numbers: the optimiser calls this for every step.
 */
export function fromPartialAutocorrelations(
  raw: readonly number[],
  offset: number,
  count: number,
  out: number[],
  sign: 1 | -1,
  work: number[],
): void {
  for (let j = 0; j < count; j++) out[j] = Math.tanh(raw[offset + j]);
  for (let j = 1; j < count; j++) {
    const a = out[j];
    for (let k = 0; k < j; k++) work[k] = out[k] - a * out[j - k - 1];
    for (let k = 0; k < j; k++) out[k] = work[k];
  }
  if (sign < 0) for (let j = 0; j < count; j++) out[j] = -out[j];
}

/** (1 − B)^d (1 − B^m)^D as an AR-side polynomial. */
export function differencing(d: number, seasonalD: number, m: number): number[] {
  let result: number[] = [];
  for (let i = 0; i < d; i++) result = multiplyAr(result, [1]);
  for (let i = 0; i < seasonalD; i++) result = multiplyAr(result, spread([1], m));
  return result;
}

export function difference(values: readonly number[], lag: number): number[] {
  const result: number[] = [];
  for (let t = lag; t < values.length; t++) result.push(values[t] - values[t - lag]);
  return result;
}

/** ψ weights ψ₀..ψ_{h−1} of the (possibly non-stationary) ARMA model φ(B)x = θ(B)e. */
export function psiWeights(ar: readonly number[], ma: readonly number[], h: number): number[] {
  const psi = [1];
  for (let j = 1; j < h; j++) {
    let value = j <= ma.length ? ma[j - 1] : 0;
    for (let i = 1; i <= Math.min(j, ar.length); i++) value += ar[i - 1] * psi[j - i];
    psi.push(value);
  }
  return psi;
}
