import { ValidationError } from '../../core/errors';

/** A business date as the decisions write it: YYYY-MM-DD, no time, no zone. */
export type BusinessDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checked by arithmetic, not by making a Date: a date is checked for every date field of every answer. */
export function isBusinessDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Years 0000–0099 are refused as they always were (Date.UTC would read them as 1900–1999).
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function assertBusinessDate(field: string, value: string): BusinessDate {
  if (!isBusinessDate(value)) throw new ValidationError(`${field} must be a date as YYYY-MM-DD`, { field });
  return value;
}

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: BusinessDate, months: number): BusinessDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonthIndex + 1, 0)).getUTCDate();
  return toBusinessDate(new Date(Date.UTC(year, targetMonthIndex, Math.min(day, lastDay))));
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return toBusinessDate(new Date(Date.UTC(year, month - 1, day + days)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function toBusinessDate(instant: Date): BusinessDate {
  return instant.toISOString().slice(0, 10);
}

export function yearOf(date: BusinessDate): number {
  return Number(date.slice(0, 4));
}

/** Vietnam keeps UTC+7 all year, without daylight saving: the calendar day decisions are dated in. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const DAY_MS = 86_400_000;
/** The last day asked, and the instants it spans: asked on every request, it changes once a day. */
let lastDay = { from: 0, to: 0, date: '' };

export function vietnamDate(instant: Date): BusinessDate {
  const ms = instant.getTime();
  if (ms >= lastDay.from && ms < lastDay.to) return lastDay.date;
  const local = ms + VIETNAM_OFFSET_MS;
  const from = local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - VIETNAM_OFFSET_MS;
  lastDay = { from, to: from + DAY_MS, date: toBusinessDate(new Date(local)) };
  return lastDay.date;
}
