// `--today`: move every date of a record by a whole number of days, so that the reference date
// lands on the chosen day. Intervals (and so ages, refill gaps, onsets) are unchanged and ids stay
// the same. Every date in our record shapes is an ISO string of exactly one of the two forms
// below, and no other field has that form, so the shift can walk the record generically.
import { addDays, daysBetween } from './dates.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/;

export function shiftDays(referenceDate: string, today: string | undefined): number {
  return today ? daysBetween(referenceDate, today) : 0;
}

export function shiftDate(value: string, days: number): string {
  if (days === 0 || !ISO_DATE.test(value)) return value;
  return value.length === 10 ? addDays(value, days) : `${addDays(value.slice(0, 10), days)}${value.slice(10)}`;
}

/** A deep copy of `value` with every ISO date moved by `days`. */
export function shiftDates<T>(value: T, days: number): T {
  if (days === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return shiftDate(v, days);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
