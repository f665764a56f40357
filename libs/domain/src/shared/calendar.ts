/**
 * Calendar dates as plain 'YYYY-MM-DD' strings (Europe/Madrid calendar days). Arithmetic runs
 * on UTC midnights so the host's time zone and daylight-saving changes never shift a day, and
 * zero-padded ISO dates compare correctly as strings.
 */
import { ValidationError } from './domain-error';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const parse = (date: string): Ymd | undefined => {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
};

const format = ({ year, month, day }: Ymd): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export const isIsoDate = (date: string): boolean => parse(date) !== undefined;

/** Throws INVALID_DATE naming the field, so a refusal says which input was wrong. */
export const assertIsoDate = (date: string, field: string): IsoDate => {
  if (!isIsoDate(date)) {
    throw new ValidationError('INVALID_DATE', `${field} must be a calendar date written YYYY-MM-DD.`, {
      field,
      value: date,
    });
  }
  return date;
};

const ymd = (date: IsoDate): Ymd => {
  const parsed = parse(date);
  if (!parsed) throw new ValidationError('INVALID_DATE', `Not a calendar date: ${date}.`, { value: date });
  return parsed;
};

/**
 * Same day-of-month `months` later; when that month is shorter the date falls on its last day
 * (31 Aug + 3 months = 30 Nov), the usual civil-law reading of "plazos por meses".
 */
export const addCalendarMonths = (date: IsoDate, months: number): IsoDate => {
  const { year, month, day } = ymd(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return format({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
};

export const addCalendarDays = (date: IsoDate, days: number): IsoDate => {
  const { year, month, day } = ymd(date);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return format({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
};

export const isBefore = (a: IsoDate, b: IsoDate): boolean => a < b;
export const isAfter = (a: IsoDate, b: IsoDate): boolean => a > b;

const madridFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Madrid',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Madrid calendar day an instant falls on: the e-office's official time, so a filing at
 * 23:30 UTC on 31 March counts as 1 April in Madrid, whatever the server's zone.
 */
export const madridDateOf = (instant: Date): IsoDate => madridFormat.format(instant);
