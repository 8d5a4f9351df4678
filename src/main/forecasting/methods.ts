// The forecasting methods the engine chooses from, by the names callers use.
import { arimaMethod } from './arima/auto';
import { etsMethod } from './ets';
import { thetaMethod } from './theta';
import { crostonMethod, sbaMethod, tsbMethod } from './intermittent';
import type { Method } from './model';
import { seasonalNaive } from './naive';

export const METHOD_NAMES = ['naive', 'seasonal-naive', 'ets', 'theta', 'arima', 'croston', 'sba', 'tsb'] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const METHODS: Partial<Record<MethodName, Method>> = {
  naive: (input) => seasonalNaive({ ...input, season: 1 }),
  'seasonal-naive': seasonalNaive,
  ets: etsMethod,
  theta: thetaMethod,
  arima: arimaMethod,
  croston: crostonMethod,
  sba: sbaMethod,
  tsb: tsbMethod,
};

/** The automatic candidates: the intermittent-demand family for sparse series, else the rest. */
export function defaultCandidates(intermittent: boolean, season: number): MethodName[] {
  if (intermittent) return ['croston', 'sba', 'tsb', 'ets'];
  return season > 1 ? ['seasonal-naive', 'ets', 'theta', 'arima'] : ['naive', 'ets', 'theta', 'arima'];
}
