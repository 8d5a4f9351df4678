// Two likelihoods of a zero-mean ARMA model w_t = Σφ_i w_{t−i} + e_t + Σθ_j e_{t−j} on an
// already differenced series. The conditional sum of squares (CSS) drops the first p
// observations and sets the earlier errors to zero: cheap, used by the order search. The
// exact Gaussian likelihood runs a Kalman filter on Harvey's state space form (state
// size r = max(p, q+1)), started from the stationary state covariance, with σ²
// concentrated out: −2 log L = ν log(S/ν) + Σ log F_t + ν(1 + log 2π), S = Σ v_t²/F_t.

const LOG_2PI = Math.log(2 * Math.PI);

export interface CssResult {
  /** −2 log L with σ² concentrated out. */
  deviance: number;
  sigma2: number;
  used: number;
}

// The optimiser calls the likelihoods thousands of times per series: reused work arrays
// instead of new ones each time keep the garbage collector out of the way. Their contents
// are stale; every user fills what it reads.
const pool = new Map<string, Float64Array>();
function work(name: string, size: number): Float64Array {
  let buffer = pool.get(name);
  if (!buffer || buffer.length < size) {
    buffer = new Float64Array(Math.max(size, 2 * (buffer?.length ?? 0)));
    pool.set(name, buffer);
  }
  return buffer;
}

/** `mean`: subtracted from every w_t (folded into the recursion instead of a centred copy). */
export function css(w: ArrayLike<number>, phi: readonly number[], theta: readonly number[], mean = 0): CssResult {
  const n = w.length;
  const p = phi.length;
  const q = theta.length;
  const residuals = work('css', n);
  let ssq = 0;
  let arSum = 0;
  for (let i = 0; i < p; i++) arSum += phi[i];
  const offset = mean * (1 - arSum);
  for (let t = p; t < n; t++) {
    let e = w[t] - offset;
    for (let i = 0; i < p; i++) e -= phi[i] * w[t - i - 1];
    const reach = Math.min(q, t - p);
    for (let j = 0; j < reach; j++) e -= theta[j] * residuals[t - j - 1];
    residuals[t] = e;
    ssq += e * e;
  }
  // σ² from the n − p errors, the deviance over all n points (as auto.arima rescales CSS
  // fits), so that models with different AR orders stay comparable.
  const sigma2 = ssq / (n - p);
  return { deviance: n * (Math.log(sigma2) + 1 + LOG_2PI), sigma2, used: n };
}

/**
 * The stationary covariance of the state (σ² = 1) from the ARMA autocovariances γ and ψ
 * weights: with a_t[i] = Σ_{k≥i} φ_k y_{t−1−k+i} + Σ_{k≥i} R_k e_{t−k+i}, every entry is a
 * short sum of γ, ψ and δ terms over the non-zero coefficients. Far cheaper than solving
 * P = T P Tᵀ + R Rᵀ densely for the long polynomials of seasonal models.
 */
function stationaryCovariance(phi: readonly number[], rVector: Float64Array, r: number): Float64Array | null {
  const p = phi.length;
  const psi = work('psi', r + 1);
  psi[0] = 1;
  for (let j = 1; j <= r; j++) {
    let value = j < r ? rVector[j] : 0;
    for (let i = 1; i <= Math.min(j, p); i++) value += phi[i - 1] * psi[j - i];
    psi[j] = value;
  }
  const gamma = armaAutocovariances(phi, rVector, psi, r);
  if (!gamma) return null;
  const arLags: number[] = [];
  phi.forEach((value, k) => value !== 0 && arLags.push(k));
  const P = work('P', r * r);
  for (let i = 0; i < r; i++) {
    for (let j = i; j < r; j++) {
      let total = 0;
      for (const k of arLags) {
        if (k < i) continue;
        for (const l of arLags) if (l >= j) total += phi[k] * phi[l] * gamma[Math.abs(k - i - (l - j))];
        for (let l = j; l < r; l++) {
          const lag = l - j - (k - i) - 1;
          if (lag >= 0) total += phi[k] * rVector[l] * psi[lag];
        }
      }
      for (const l of arLags) {
        if (l < j) continue;
        for (let k = i; k < r; k++) {
          const lag = k - i - (l - j) - 1;
          if (lag >= 0) total += rVector[k] * phi[l] * psi[lag];
        }
      }
      for (let k = i; k - i + j < r; k++) total += rVector[k] * rVector[k - i + j];
      P[i * r + j] = total;
      P[j * r + i] = total;
    }
  }
  return P;
}

/** γ(0..r) of the ARMA model with unit innovation variance; null if it is not stationary. */
function armaAutocovariances(
  phi: readonly number[],
  theta: Float64Array,
  psi: Float64Array,
  r: number,
): Float64Array | null {
  const p = phi.length;
  const q = r - 1;
  const rhs = (k: number) => {
    let total = 0;
    for (let j = k; j <= q; j++) total += theta[j] * psi[j - k];
    return total;
  };
  const size = p + 1;
  const a = work('system', size * size).fill(0, 0, size * size);
  const b = work('rhs', size);
  for (let k = 0; k <= p; k++) {
    a[k * size + k] += 1;
    for (let i = 1; i <= p; i++) a[k * size + Math.abs(k - i)] -= phi[i - 1];
    b[k] = rhs(k);
  }
  const solution = solve(a, b, size);
  if (!solution) return null;
  const gamma = work('gamma', Math.max(r, p) + 1);
  const lags = Math.max(r, p) + 1;
  gamma.set(solution.subarray(0, size));
  for (let k = p + 1; k < lags; k++) {
    let value = rhs(k);
    for (let i = 1; i <= p; i++) value += phi[i - 1] * gamma[k - i];
    gamma[k] = value;
  }
  return gamma[0] > 0 && Number.isFinite(gamma[0]) ? gamma : null;
}

/** Gaussian elimination with partial pivoting; null for a singular system. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) {
      if (Math.abs(a[row * n + column]) > Math.abs(a[pivot * n + column])) pivot = row;
    }
    if (Math.abs(a[pivot * n + column]) < 1e-12) return null;
    if (pivot !== column) {
      for (let k = 0; k < n; k++) [a[column * n + k], a[pivot * n + k]] = [a[pivot * n + k], a[column * n + k]];
      [b[column], b[pivot]] = [b[pivot], b[column]];
    }
    for (let row = column + 1; row < n; row++) {
      const factor = a[row * n + column] / a[column * n + column];
      if (factor === 0) continue;
      for (let k = column; k < n; k++) a[row * n + k] -= factor * a[column * n + k];
      b[row] -= factor * b[column];
    }
  }
  const x = work('solution', n);
  for (let row = n - 1; row >= 0; row--) {
    let value = b[row];
    for (let k = row + 1; k < n; k++) value -= a[row * n + k] * x[k];
    x[row] = value / a[row * n + row];
  }
  return x;
}

export interface ExactResult {
  deviance: number;
  sigma2: number;
  used: number;
  /** One-step prediction errors v_t (a reused buffer unless keepInnovations). */
  innovations: Float64Array;
}

export function exactLikelihood(
  w: ArrayLike<number>,
  phi: readonly number[],
  theta: readonly number[],
  keepInnovations = false,
  mean = 0,
): ExactResult | null {
  const n = w.length;
  const r = Math.max(phi.length, theta.length + 1);
  const T = work('T', r).fill(0, 0, r);
  phi.forEach((value, i) => (T[i] = value));
  const R = work('R', r).fill(0, 0, r);
  R[0] = 1;
  theta.forEach((value, i) => (R[i + 1] = value));
  const P0 = stationaryCovariance(phi, R, r);
  if (!P0) return null;
  const P = P0;
  const Pnew = work('Pnew', r * r);
  const M = work('M', r * r);
  const a = work('a', r).fill(0, 0, r);
  const anew = work('anew', r);
  const innovations = keepInnovations ? new Float64Array(n) : work('innovations', n);
  let ssq = 0;
  let sumLog = 0;
  let converged = false;
  for (let t = 0; t < n; t++) {
    if (t === 0) {
      Pnew.set(P.subarray(0, r * r));
    } else {
      const a0 = a[0];
      for (let i = 0; i < r; i++) anew[i] = (i + 1 < r ? a[i + 1] : 0) + T[i] * a0;
      if (!converged) {
        // Pnew = T P Tᵀ + R Rᵀ in O(r²): T is a companion matrix.
        for (let i = 0; i < r; i++) {
          const ti = T[i];
          const row = (i + 1) * r;
          for (let j = 0; j < r; j++) M[i * r + j] = ti * P[j] + (i + 1 < r ? P[row + j] : 0);
        }
        for (let i = 0; i < r; i++) {
          const mi0 = M[i * r];
          for (let j = i; j < r; j++) {
            const value = mi0 * T[j] + (j + 1 < r ? M[i * r + j + 1] : 0) + R[i] * R[j];
            Pnew[i * r + j] = value;
            Pnew[j * r + i] = value;
          }
        }
      }
    }
    const F = converged ? 1 : Pnew[0];
    if (!(F > 0)) return null;
    const v = w[t] - mean - (t === 0 ? a[0] : anew[0]);
    innovations[t] = v;
    ssq += (v * v) / F;
    sumLog += Math.log(F);
    if (converged) {
      // Once F = 1 the gain is R and P stays put: the filter has become the CSS recursion.
      for (let i = 0; i < r; i++) a[i] = anew[i] + R[i] * v;
      continue;
    }
    if (t === 0) anew.set(a.subarray(0, r));
    for (let i = 0; i < r; i++) a[i] = anew[i] + (Pnew[i * r] * v) / F;
    for (let i = 0; i < r; i++) {
      const gi = Pnew[i * r] / F;
      for (let j = i; j < r; j++) {
        const value = Pnew[i * r + j] - gi * Pnew[j * r];
        P[i * r + j] = value;
        P[j * r + i] = value;
      }
    }
    if (t > 0 && F - 1 < 1e-9) converged = true;
  }
  const sigma2 = ssq / n;
  return { deviance: n * (Math.log(sigma2) + 1 + LOG_2PI) + sumLog, sigma2, used: n, innovations };
}
