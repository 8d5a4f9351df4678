// The Theta method of Assimakopoulos & Nikolopoulos (2000), which Hyndman & Billah (2003)
// showed to be simple exponential smoothing with a drift of half the slope of a linear
// trend, as R's thetaf(): a series with a significant seasonal autocorrelation is first
// seasonally adjusted by classical multiplicative decomposition and reseasonalised after.
import { seasonalAutocorrelation } from './autocorrelation';
import { classicalSeasonal } from './decomposition';
import { fitEts } from './ets';
import type { ModelFit, SeriesInput } from './model';

export function thetaMethod({ values, season, horizon }: SeriesInput): ModelFit | null {
  const n = values.length;
  if (n < 4) return null;
  const seasonal = season > 1 && values.every((value) => value > 0) && seasonalAutocorrelation(values, season);
  const indices = seasonal ? classicalSeasonal(values, season, true) : [];
  const index = (t: number) => (seasonal ? indices[t % season] : 1);
  const adjusted = values.map((value, t) => value / index(t));
  const ses = fitEts({ error: 'A', trend: 'N', season: 'N' }, adjusted, 1);
  if (!ses) return null;
  const xMean = (n - 1) / 2;
  const yMean = adjusted.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  adjusted.forEach((value, t) => {
    sxy += (t - xMean) * (value - yMean);
    sxx += (t - xMean) ** 2;
  });
  const drift = sxy / sxx / 2;
  const alpha = Math.max(1e-10, ses.alpha);
  const level = ses.last.level;
  const sigma = Math.sqrt(ses.sigma2);
  const forecast: number[] = [];
  const sd: number[] = [];
  const start = (1 - (1 - alpha) ** n) / alpha;
  for (let h = 1; h <= horizon; h++) {
    const s = index(n + h - 1);
    forecast.push((level + drift * (h - 1 + start)) * s);
    sd.push(sigma * Math.sqrt((h - 1) * alpha * alpha + 1) * s);
  }
  const fitted = ses.fitted.map((fit, t) => fit * index(t));
  return { name: 'Theta', forecast, sd, fitted };
}
