// The engine's building blocks against R on the same data. The reference numbers were
// exported once by test/fixtures/forecasting/make-fixtures.R (R 4.2.2, forecast 8.20,
// urca 1.3.3; see "versions" in the JSON), so these tests do not need R.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitArma } from '../../src/main/forecasting/arima/fit';
import { difference } from '../../src/main/forecasting/arima/polynomial';
import { kpssStatistic, nonSeasonalDifferences } from '../../src/main/forecasting/arima/unit-root';
import { crostonPath } from '../../src/main/forecasting/intermittent';
import { thetaMethod } from '../../src/main/forecasting/theta';

interface ArimaCase {
  name: string;
  values: number[];
  order: [number, number, number];
  seasonal: [number, number, number];
  period: number;
  mean: boolean;
  method: 'ML' | 'CSS';
  coef: Record<string, number>;
  sigma2: number;
  loglik: number;
}

const reference = JSON.parse(readFileSync(join(__dirname, '../fixtures/forecasting/r-reference.json'), 'utf8')) as {
  arima: ArimaCase[];
  kpss: { series: number[][]; statistic: number[]; ndiffs: number[] };
  theta: { name: string; values: number[]; season: number; horizon: number; mean: number[] }[];
  croston: { values: number[]; cases: { alpha: number; mean: number; fitted: (number | null)[] }[] };
};

describe('ARIMA coefficients against R arima() on the same data and order', () => {
  // Fitted with the reference stop (relative change in −2 log L below 1e-10, one restart;
  // R: optim's BFGS, reltol 1e-8). The likelihood is flat near its maximum: the
  // coefficients then agree to a few units in the fourth decimal, a small fraction of
  // their standard errors (≥ 0.03 for every case here). Seasonal differenced models
  // differ slightly more because R keeps the differencing in its state with a diffuse
  // prior (κ = 10⁶) where we difference first, which changes the log-likelihood by < 0.01.
  // The CSS intercept agrees to 1e-3 of its value, under a hundredth of its standard error.
  // (The order search stops its CSS fits earlier, at a relative change of 1e-7.)
  for (const c of reference.arima) {
    it(c.name, () => {
      const [p, d, q] = c.order;
      const [P, D, Q] = c.seasonal;
      let w = c.values;
      for (let i = 0; i < D; i++) w = difference(w, c.period);
      for (let i = 0; i < d; i++) w = difference(w, 1);
      const fit = fitArma(w, { p, q, P, Q, m: c.period, constant: c.mean && d + D === 0 }, c.method, undefined, 1e-10);
      expect(fit).not.toBeNull();
      const ours: Record<string, number> = {};
      fit!.ar.forEach((v, i) => (ours[`ar${i + 1}`] = v));
      fit!.ma.forEach((v, i) => (ours[`ma${i + 1}`] = v));
      fit!.sar.forEach((v, i) => (ours[`sar${i + 1}`] = v));
      fit!.sma.forEach((v, i) => (ours[`sma${i + 1}`] = v));
      if (fit!.order.constant) ours.intercept = fit!.mean;
      expect(Object.keys(ours).sort()).toEqual(Object.keys(c.coef).sort());
      for (const [name, value] of Object.entries(c.coef)) {
        const tolerance = name === 'intercept' ? (c.method === 'CSS' ? 1e-3 : 2e-4) * Math.abs(value) : 1e-3;
        expect(Math.abs(ours[name] - value), `${name}: ours ${ours[name]}, R ${value}`).toBeLessThan(tolerance);
      }
      expect(Math.abs(fit!.sigma2 / c.sigma2 - 1)).toBeLessThan(1e-3);
      expect(Math.abs(-fit!.deviance / 2 - c.loglik)).toBeLessThan(0.01);
    });
  }
});

describe('unit-root tests against urca and forecast', () => {
  it('computes the KPSS level statistic as ur.kpss(type = "mu", lags = "short")', () => {
    reference.kpss.series.forEach((values, i) => {
      expect(kpssStatistic(values)).toBeCloseTo(reference.kpss.statistic[i], 6);
    });
  });

  it('chooses as many differences as ndiffs(test = "kpss")', () => {
    const raw = [reference.kpss.series[0], reference.kpss.series[1], null, reference.kpss.series[3]];
    raw.forEach((values, i) => {
      if (values) expect(nonSeasonalDifferences(values)).toBe(reference.kpss.ndiffs[i]);
    });
  });
});

describe('Theta against R thetaf()', () => {
  for (const c of reference.theta) {
    it(c.name, () => {
      const fit = thetaMethod({ values: c.values, season: c.season, horizon: c.horizon });
      expect(fit).not.toBeNull();
      // Our SES optimum and R's differ only in the optimiser's last digits.
      fit!.forecast.forEach((value, h) => expect(Math.abs(value / c.mean[h] - 1)).toBeLessThan(5e-4));
    });
  }
});

describe('Croston against R croston() with the same smoothing constant', () => {
  for (const c of reference.croston.cases) {
    it(`α = ${c.alpha}`, () => {
      const path = crostonPath(reference.croston.values, c.alpha, false)!;
      expect(path.next).toBeCloseTo(c.mean, 10);
      // R counts the periods before the first demand as fitted zeros; we leave them unfitted.
      const firstDemand = reference.croston.values.findIndex((v) => v > 0);
      for (let t = firstDemand + 1; t < c.fitted.length; t++) expect(path.fitted[t]).toBeCloseTo(c.fitted[t]!, 10);
    });
  }
});
