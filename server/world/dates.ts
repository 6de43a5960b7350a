// Date arithmetic in UTC on ISO strings. Day-precision facts are `YYYY-MM-DD`, timed events
// `YYYY-MM-DDThh:mm:ssZ` (data-model.md §1.7).
const DAY_MS = 86_400_000;

export const toDay = (date: Date): string => date.toISOString().slice(0, 10);
export const toTimestamp = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
export const parseDay = (day: string): Date => new Date(`${day.slice(0, 10)}T00:00:00Z`);

export function addDays(day: string, days: number): string {
  return toDay(new Date(parseDay(day).getTime() + Math.round(days) * DAY_MS));
}

export function addYears(day: string, years: number): string {
  const d = parseDay(day);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return toDay(d);
}

export function addMonths(day: string, months: number): string {
  const d = parseDay(day);
  d.setUTCMonth(d.getUTCMonth() + months);
  return toDay(d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

/** Age in whole years on `on`. */
export function ageOn(birthDate: string, on: string): number {
  const b = parseDay(birthDate);
  const d = parseDay(on);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** Age in (fractional) months on `on`. */
export const ageInMonths = (birthDate: string, on: string): number => daysBetween(birthDate, on) / 30.4375;

export const atTime = (day: string, hour: number, minute: number): string =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;

export const minDay = (a: string, b: string): string => (a < b ? a : b);
export const maxDay = (a: string, b: string): string => (a > b ? a : b);
