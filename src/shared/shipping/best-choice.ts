import { daysBetween } from './delivery-dates';
import type { RateOption } from './rate-engine';

export type RateGoal =
  { kind: 'cheapest_on_time'; promisedDate: string | null } | { kind: 'fastest_within_budget'; budget: number };

/** Why the best option is the best, as values the screen puts into words. */
export type ChoiceReason =
  | { kind: 'no_service' }
  | { kind: 'cheapest_no_promise'; count: number }
  | {
      kind: 'cheapest_on_time';
      promisedDate: string;
      deliveryLatest: string;
      onTimeCount: number;
      cheaperLateCount: number;
    }
  | { kind: 'none_on_time_fastest'; promisedDate: string; deliveryLatest: string; lateDays: number }
  | {
      kind: 'fastest_in_budget';
      budget: number;
      deliveryLatest: string;
      withinCount: number;
      fasterOverBudgetCount: number;
    }
  | { kind: 'none_in_budget_cheapest'; budget: number; price: number; overBy: number };

export interface BestChoice {
  serviceId: string | null;
  reason: ChoiceReason;
}

/** Cheaper first; at the same price the one sure to arrive sooner; then the service list's order. */
function byPrice(a: RateOption, b: RateOption): number {
  return (
    a.price - b.price ||
    a.fullPrice - b.fullPrice ||
    a.deliveryLatest.localeCompare(b.deliveryLatest) ||
    a.deliveryEarliest.localeCompare(b.deliveryEarliest)
  );
}

/** Sure to arrive sooner first (the latest day the carrier gives), then the earliest, then cheaper. */
function bySpeed(a: RateOption, b: RateOption): number {
  return (
    a.deliveryLatest.localeCompare(b.deliveryLatest) ||
    a.deliveryEarliest.localeCompare(b.deliveryEarliest) ||
    a.price - b.price
  );
}

/**
 * The best option for a goal. On time means the carrier's latest day is on or before the
 * promised date: a promise should not rest on the carrier's good days.
 */
export function chooseBest(options: readonly RateOption[], goal: RateGoal): BestChoice {
  if (options.length === 0) return { serviceId: null, reason: { kind: 'no_service' } };
  const cheapest = [...options].sort(byPrice);
  const fastest = [...options].sort(bySpeed);
  if (goal.kind === 'cheapest_on_time') {
    const promised = goal.promisedDate;
    if (promised === null) {
      return { serviceId: cheapest[0].serviceId, reason: { kind: 'cheapest_no_promise', count: options.length } };
    }
    const onTime = cheapest.filter((o) => o.deliveryLatest <= promised);
    if (onTime.length === 0) {
      const best = fastest[0];
      return {
        serviceId: best.serviceId,
        reason: {
          kind: 'none_on_time_fastest',
          promisedDate: promised,
          deliveryLatest: best.deliveryLatest,
          lateDays: daysBetween(promised, best.deliveryLatest),
        },
      };
    }
    const best = onTime[0];
    return {
      serviceId: best.serviceId,
      reason: {
        kind: 'cheapest_on_time',
        promisedDate: promised,
        deliveryLatest: best.deliveryLatest,
        onTimeCount: onTime.length,
        cheaperLateCount: options.filter((o) => o.price < best.price && o.deliveryLatest > promised).length,
      },
    };
  }
  const within = fastest.filter((o) => o.price <= goal.budget);
  if (within.length === 0) {
    const best = cheapest[0];
    return {
      serviceId: best.serviceId,
      reason: {
        kind: 'none_in_budget_cheapest',
        budget: goal.budget,
        price: best.price,
        overBy: best.price - goal.budget,
      },
    };
  }
  const best = within[0];
  return {
    serviceId: best.serviceId,
    reason: {
      kind: 'fastest_in_budget',
      budget: goal.budget,
      deliveryLatest: best.deliveryLatest,
      withinCount: within.length,
      fasterOverBudgetCount: options.filter((o) => o.price > goal.budget && o.deliveryLatest < best.deliveryLatest)
        .length,
    },
  };
}
