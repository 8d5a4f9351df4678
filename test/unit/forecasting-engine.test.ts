import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../src/main/forecasting/engine';
import { AppError } from '../../src/shared/errors';

const seasonal = Array.from({ length: 48 }, (_, t) => 100 + 10 * Math.sin((2 * Math.PI * t) / 12) + t);
const sparse = [0, 0, 3, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 4, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 1, 0];

describe('forecastSeries', () => {
  it('repeats the last season with seasonal naive and widens its intervals each season', () => {
    const result = forecastSeries({ values: seasonal, season: 12, horizon: 24, methods: ['seasonal-naive'] });
    expect(result.method).toBe('Seasonal naive[12]');
    expect(result.forecast).toEqual([...seasonal.slice(36), ...seasonal.slice(36)]);
    const width = (h: number) => result.hi95[h] - result.lo95[h];
    expect(width(12) / width(0)).toBeCloseTo(Math.SQRT2, 10);
    expect(result.fitted).toHaveLength(48);
    expect(result.fitted[11]).toBeNull();
    expect(result.fitted[12]).toBe(seasonal[0]);
  });

  it('nests the 80 % interval inside the 95 % one around the forecast', () => {
    const result = forecastSeries({ values: seasonal, season: 12, horizon: 12 });
    for (let h = 0; h < 12; h++) {
      expect(result.lo95[h]).toBeLessThanOrEqual(result.lo80[h]);
      expect(result.lo80[h]).toBeLessThanOrEqual(result.forecast[h]);
      expect(result.forecast[h]).toBeLessThanOrEqual(result.hi80[h]);
      expect(result.hi80[h]).toBeLessThanOrEqual(result.hi95[h]);
    }
    expect(result.backtest.origins).toBe(3);
    expect(result.backtest.mase).toBeGreaterThan(0);
  });

  it('chooses the candidate or combination with the lowest backtest MASE', () => {
    const noisy = seasonal.map((value, t) => value + ((t * 37) % 11) - 5);
    const auto = forecastSeries({ values: noisy, season: 12, horizon: 6 });
    const singles = (['seasonal-naive', 'ets', 'theta', 'arima'] as const).map((method) =>
      forecastSeries({ values: noisy, season: 12, horizon: 6, methods: [method] }),
    );
    for (const single of singles) {
      expect(single.backtest.origins).toBe(3);
      expect(auto.backtest.mase).toBeLessThanOrEqual(single.backtest.mase);
    }
    const best = singles.reduce((a, b) => (a.backtest.mase <= b.backtest.mase ? a : b));
    if (!auto.method.startsWith('Combination(')) expect(auto.method).toBe(best.method);
    else expect(auto.backtest.mase).toBeLessThan(best.backtest.mase);
  });

  it('forecasts sparse demand with the intermittent family, never below zero', () => {
    const result = forecastSeries({ values: sparse, horizon: 4 });
    expect(['Croston', 'SBA', 'TSB']).toContain(result.method.replace(/^Combination\((.*)\)$/, '$1').split(', ')[0]);
    expect(result.forecast.every((value) => value > 0 && value < 3)).toBe(true);
    expect(result.lo95.every((value) => value >= 0)).toBe(true);
  });

  it('TSB decays towards zero once an item stops selling while Croston keeps its rate', () => {
    const stopped = [...sparse, ...Array.from({ length: 20 }, () => 0)];
    const tsb = forecastSeries({ values: stopped, horizon: 1, methods: ['tsb'] }).forecast[0];
    const croston = forecastSeries({ values: stopped, horizon: 1, methods: ['croston'] }).forecast[0];
    expect(tsb).toBeLessThan(croston);
  });

  it('raises stock-out periods to the demand around them instead of reading them as lows', () => {
    const flat = Array.from({ length: 30 }, (_, t) => 20 + (t % 3));
    const cut = flat.map((value, t) => (t >= 26 ? 2 : value));
    const censored = cut.map((_, t) => t >= 26);
    const trusted = forecastSeries({ values: cut, horizon: 3, censored, methods: ['naive'] });
    const naive = forecastSeries({ values: cut, horizon: 3, methods: ['naive'] });
    expect(naive.forecast[0]).toBe(2);
    expect(trusted.forecast[0]).toBeGreaterThan(15);
  });

  it('does not score stock-out periods in the backtest', () => {
    const demand = Array.from({ length: 40 }, (_, t) => 30 + (t % 4));
    const cut = demand.map((value, t) => (t >= 36 ? 1 : value));
    const flagged = cut.map((_, t) => t >= 36);
    const honest = forecastSeries({ values: cut, horizon: 4, censored: flagged, methods: ['naive'] });
    const fooled = forecastSeries({ values: cut, horizon: 4, methods: ['naive'] });
    expect(fooled.backtest.mase).toBeGreaterThan(honest.backtest.mase);
  });

  it('gives 95 % intervals that hold about 95 % of what follows', () => {
    // 300 AR(1) series with normal noise from a fixed seed: the one-step 95 % interval of
    // whichever model the engine chooses should cover 95 %; 90–99 % allows for sampling.
    let state = 12345;
    const uniform = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state + 0.5) / 2147483648;
    };
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    let covered = 0;
    const runs = 300;
    for (let run = 0; run < runs; run++) {
      const series = [0];
      for (let t = 1; t <= 61; t++) series.push(0.6 * series[t - 1] + normal());
      const next = series.pop()!;
      const shifted = series.map((value) => value + 50);
      const result = forecastSeries({ values: shifted, horizon: 1, methods: ['arima', 'ets'] });
      if (next + 50 >= result.lo95[0] && next + 50 <= result.hi95[0]) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.9);
    expect(covered / runs).toBeLessThan(0.99);
  });

  it('rejects a bad request with field issues', () => {
    const attempt = () =>
      forecastSeries({
        values: [1, Number.NaN],
        horizon: 0,
        season: 1.5,
        censored: [true],
        methods: ['magic' as never],
      });
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      const paths = ((error as AppError).details as { issues: { path: string }[] }).issues.map((issue) => issue.path);
      expect(paths).toEqual(['values.1', 'horizon', 'season', 'censored', 'methods.0']);
    }
  });
});
