import type { TFunction } from 'i18next';
import type { ChoiceReasonOutput, RateOptionOutput } from '../../../../shared/contract/rates';

export interface Formatters {
  money(minor: number): string;
  day(date: string): string;
  weight(grams: number): string;
}

/** Formatters for weights and calendar days in the UI's language. */
export function formatters(language: string, money: (minor: number) => string): Formatters {
  const days = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
  const kilograms = new Intl.NumberFormat(language, { maximumFractionDigits: 3 });
  return {
    money,
    day: (date) => days.format(new Date(`${date}T00:00:00Z`)),
    weight: (grams) => (grams < 1000 ? `${grams} g` : `${kilograms.format(grams / 1000)} kg`),
  };
}

/** How a price was reached, in words: “¥13.00 first 1 kg + 1 × ¥2.00 per 1 kg”. */
export function partsText(option: RateOptionOutput, t: TFunction, f: Formatters): string {
  return option.parts
    .map((part) => {
      const key = `rates.compare.parts.${part.kind}`;
      switch (part.kind) {
        case 'base':
          return t(key, { amount: f.money(part.amount), weight: f.weight(part.weightGrams) });
        case 'steps':
          return t(key, { count: part.count, stepPrice: f.money(part.stepPrice), step: f.weight(part.stepGrams) });
        case 'minimum':
          return t(key, { amount: f.money(part.amount), minimum: f.money(part.minimumCharge) });
        case 'free_over':
          return t(key, { threshold: f.money(part.threshold) });
        default:
          return t(key, { amount: f.money(part.amount) });
      }
    })
    .join(' + ');
}

/** Why the best option is the best, in one or two sentences. */
export function reasonText(reason: ChoiceReasonOutput, t: TFunction, f: Formatters): string {
  const key = `rates.compare.reason.${reason.kind}`;
  switch (reason.kind) {
    case 'no_service':
      return t(key);
    case 'cheapest_no_promise':
      return t(key, { count: reason.count });
    case 'cheapest_on_time':
      return [
        t(key, {
          count: reason.onTimeCount,
          promised: f.day(reason.promisedDate),
          latest: f.day(reason.deliveryLatest),
        }),
        reason.cheaperLateCount > 0 ? t('rates.compare.reason.cheaperLate', { count: reason.cheaperLateCount }) : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'none_on_time_fastest':
      return t(key, {
        count: reason.lateDays,
        promised: f.day(reason.promisedDate),
        latest: f.day(reason.deliveryLatest),
      });
    case 'fastest_in_budget':
      return [
        t(key, { count: reason.withinCount, budget: f.money(reason.budget), latest: f.day(reason.deliveryLatest) }),
        reason.fasterOverBudgetCount > 0
          ? t('rates.compare.reason.fasterOver', { count: reason.fasterOverBudgetCount })
          : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'none_in_budget_cheapest':
      return t(key, { budget: f.money(reason.budget), over: f.money(reason.overBy) });
  }
}
