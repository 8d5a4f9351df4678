// Naive and seasonal naive: the forecast repeats the last value (or the last season).
// The h-step error of a random walk grows with the number of whole seasons ahead.
import { residualSd, type ModelFit, type SeriesInput } from './model';

export function seasonalNaive({ values, season, horizon }: SeriesInput): ModelFit | null {
  const m = season > 1 && values.length > season ? season : 1;
  const n = values.length;
  if (n < m + 1) return null;
  const fitted: (number | null)[] = values.map((_, t) => (t >= m ? values[t - m] : null));
  const sigma = residualSd(values, fitted);
  const forecast: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const k = Math.floor((h - 1) / m) + 1;
    forecast.push(values[n - m + ((h - 1) % m)]);
    sd.push(sigma * Math.sqrt(k));
  }
  return { name: m > 1 ? `Seasonal naive[${m}]` : 'Naive', forecast, sd, fitted };
}
