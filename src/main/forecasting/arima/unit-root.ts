// How many differences an ARIMA model needs. Non-seasonal: the KPSS test (Kwiatkowski,
// Phillips, Schmidt & Shin 1992) of level stationarity at 5 %, Bartlett window with
// ⌊4(n/100)^¼⌋ lags, repeated on the differenced series up to d = 2 (Hyndman &
// Khandakar 2008; R's ndiffs()). Seasonal: one seasonal difference when the seasonal
// strength 1 − Var(remainder)/Var(seasonal + remainder) reaches 0.64 (Wang, Smith &
// Hyndman 2006; R's nsdiffs() default), here with a classical additive decomposition.
import { centredMovingAverage, classicalSeasonal } from '../decomposition';
import { difference } from './polynomial';

const KPSS_CRITICAL_5 = 0.463;
const SEASONAL_STRENGTH = 0.64;

export function kpssStatistic(values: readonly number[]): number {
  const n = values.length;
  const centre = values.reduce((a, b) => a + b, 0) / n;
  const e = values.map((value) => value - centre);
  let partial = 0;
  let eta = 0;
  for (const value of e) {
    partial += value;
    eta += partial * partial;
  }
  eta /= n * n;
  const lags = Math.trunc(4 * (n / 100) ** 0.25);
  let variance = e.reduce((a, v) => a + v * v, 0) / n;
  for (let s = 1; s <= lags; s++) {
    let total = 0;
    for (let t = s; t < n; t++) total += e[t] * e[t - s];
    variance += (2 * (1 - s / (lags + 1)) * total) / n;
  }
  return variance > 0 ? eta / variance : 0;
}

const isConstant = (values: readonly number[]) => values.every((value) => value === values[0]);

export function nonSeasonalDifferences(values: readonly number[], maximum = 2): number {
  let x = values.slice();
  let d = 0;
  while (d < maximum && x.length > 4 && !isConstant(x) && kpssStatistic(x) > KPSS_CRITICAL_5) {
    x = difference(x, 1);
    d++;
  }
  return d;
}

export function seasonalStrength(values: readonly number[], m: number): number {
  const trend = centredMovingAverage(values, m);
  const seasonal = classicalSeasonal(values, m, false, trend);
  const remainder: number[] = [];
  const detrended: number[] = [];
  values.forEach((value, t) => {
    const level = trend[t];
    if (level === null) return;
    detrended.push(value - level);
    remainder.push(value - level - seasonal[t % m]);
  });
  const variance = (xs: number[]) => {
    const centre = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, x) => a + (x - centre) ** 2, 0) / Math.max(1, xs.length - 1);
  };
  const total = variance(detrended);
  return total > 0 ? Math.max(0, 1 - variance(remainder) / total) : 0;
}

export function seasonalDifferences(values: readonly number[], m: number): number {
  if (m < 2 || values.length < 2 * m + 1 || isConstant(values)) return 0;
  return seasonalStrength(values, m) >= SEASONAL_STRENGTH ? 1 : 0;
}
