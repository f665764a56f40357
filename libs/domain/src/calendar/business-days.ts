/**
 * Deadlines counted in business days (Law 39/2015 art. 30.2): Saturdays, Sundays and the
 * holidays of the place are skipped, and counting starts the day after the act (art. 30.3).
 * Dates are Madrid calendar days ('YYYY-MM-DD'); calendar-day deadlines use addCalendarDays
 * from shared/calendar.
 */
import { addCalendarDays, assertIsoDate, isAfter, type IsoDate } from '../shared/calendar';
import { IllegalState, ValidationError } from '../shared/domain-error';
import { holidaysIn, type HolidayCalendar } from './holiday-calendar';

const SATURDAY = 6;
const SUNDAY = 0;

const dayOfWeek = (date: IsoDate): number => new Date(`${date}T00:00:00Z`).getUTCDay();

const mustBeCovered = (calendar: HolidayCalendar, date: IsoDate): void => {
  const year = Number(date.slice(0, 4));
  if (!calendar.years.includes(year)) {
    throw new IllegalState(
      'HOLIDAY_CALENDAR_NOT_COVERED',
      `The holiday calendar has no data for ${year}; load that year's holidays before counting business days in it.`,
      { year, coveredYears: calendar.years },
    );
  }
};

const dayCountMustBeValid = (days: number): void => {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new ValidationError('INVALID_DAY_COUNT', 'A number of days must be a whole number, zero or more.', {
      days,
    });
  }
};

/** A predicate bound to one province, so a long count does not rebuild the holiday set per day. */
export const businessDayTest = (
  calendar: HolidayCalendar,
  provinceCode: string,
): ((date: IsoDate) => boolean) => {
  const holidays = new Set(holidaysIn(calendar, provinceCode).map(({ date }) => date));
  return (date) => {
    assertIsoDate(date, 'date');
    mustBeCovered(calendar, date);
    const weekday = dayOfWeek(date);
    return weekday !== SATURDAY && weekday !== SUNDAY && !holidays.has(date);
  };
};

export const isBusinessDay = (date: IsoDate, calendar: HolidayCalendar, provinceCode: string): boolean =>
  businessDayTest(calendar, provinceCode)(date);

/** The n-th business day after `date` (n = 0 is `date` itself). */
export const addBusinessDays = (
  date: IsoDate,
  days: number,
  calendar: HolidayCalendar,
  provinceCode: string,
): IsoDate => {
  assertIsoDate(date, 'date');
  dayCountMustBeValid(days);
  const isBusiness = businessDayTest(calendar, provinceCode);
  let current = date;
  for (let counted = 0; counted < days;) {
    current = addCalendarDays(current, 1);
    if (isBusiness(current)) counted += 1;
  }
  return current;
};

/** Business days in (from, to]: how many a deadline consumed between two days; 0 if to ≤ from. */
export const businessDaysBetween = (
  from: IsoDate,
  to: IsoDate,
  calendar: HolidayCalendar,
  provinceCode: string,
): number => {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  const isBusiness = businessDayTest(calendar, provinceCode);
  let count = 0;
  for (let day = addCalendarDays(from, 1); !isAfter(day, to); day = addCalendarDays(day, 1)) {
    if (isBusiness(day)) count += 1;
  }
  return count;
};

/** Calendar days in (from, to]; 0 if to ≤ from. */
export const calendarDaysBetween = (from: IsoDate, to: IsoDate): number => {
  const ms =
    Date.parse(`${assertIsoDate(to, 'to')}T00:00:00Z`) -
    Date.parse(`${assertIsoDate(from, 'from')}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
};
