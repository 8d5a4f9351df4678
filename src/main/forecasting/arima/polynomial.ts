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

/** Coefficients of the product of two MA-side polynomials, both written as 1 + Σ a_i Bⁱ. */
export function multiplyMa(a: readonly number[], b: readonly number[]): number[] {
  const full = [1, ...a];
  const other = [1, ...b];
  const product = new Array<number>(full.length + other.length - 1).fill(0);
  full.forEach((x, i) => other.forEach((y, j) => (product[i + j] += x * y)));
  return product.slice(1);
}

/** A seasonal polynomial in B^m as an ordinary one: coefficient i at lag (i+1)·m. */
export function spread(coefficients: readonly number[], m: number): number[] {
  const result = new Array<number>(coefficients.length * m).fill(0);
  coefficients.forEach((value, i) => (result[(i + 1) * m - 1] = value));
  return result;
}

/**
 * Maps unbounded numbers to the coefficients of a stationary AR polynomial: tanh gives
 * partial autocorrelations in (−1, 1) and the Durbin–Levinson recursion turns them into
 * AR coefficients (Jones 1980; R's arima uses the same map). Negated, the same map gives
 * an invertible MA polynomial.
 */
export function fromPartialAutocorrelations(raw: readonly number[]): number[] {
  const phi = raw.map(Math.tanh);
  const work = phi.slice();
  for (let j = 1; j < phi.length; j++) {
    const a = phi[j];
    for (let k = 0; k < j; k++) work[k] -= a * phi[j - k - 1];
    for (let k = 0; k < j; k++) phi[k] = work[k];
  }
  return phi;
}

/** The inverse map, for starting values; null when the polynomial is not stationary. */
export function toPartialAutocorrelations(coefficients: readonly number[]): number[] | null {
  const p = coefficients.length;
  const phi = coefficients.slice();
  const raw = new Array<number>(p).fill(0);
  for (let j = p - 1; j >= 0; j--) {
    const a = phi[j];
    if (Math.abs(a) >= 1) return null;
    raw[j] = Math.atanh(a);
    const denominator = 1 - a * a;
    const previous = phi.slice(0, j);
    for (let k = 0; k < j; k++) phi[k] = (previous[k] + a * previous[j - k - 1]) / denominator;
  }
  return raw;
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
