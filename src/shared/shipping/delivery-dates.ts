import type { TransitCalendar } from './rules';

/** When the parcel is ready: a local calendar day and hour. */
export interface ShipMoment {
  date: string;
  hour: number;
}

function toDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 86_400_000);
}

function works(day: Date, calendar: TransitCalendar): boolean {
  const weekday = day.getUTCDay();
  return calendar === 'calendar' || (weekday !== 0 && weekday !== 6);
}

/** The day the carrier takes the parcel: today before the cut-off, else the next day; always a day it works. */
export function collectionDay(ready: ShipMoment, cutoffHour: number, calendar: TransitCalendar): string {
  let day = toDay(ready.date);
  if (ready.hour >= cutoffHour) day = addDays(day, 1);
  while (!works(day, calendar)) day = addDays(day, 1);
  return fromDay(day);
}

/** The day a parcel collected on `collected` arrives after `transitDays` of the carrier's days. */
export function arrivalDay(collected: string, transitDays: number, calendar: TransitCalendar): string {
  let day = toDay(collected);
  let left = transitDays;
  while (left > 0) {
    day = addDays(day, 1);
    if (works(day, calendar)) left -= 1;
  }
  return fromDay(day);
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDay(to).getTime() - toDay(from).getTime()) / 86_400_000);
}
