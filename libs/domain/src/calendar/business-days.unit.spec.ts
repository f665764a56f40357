import { addCalendarDays } from '../shared/calendar';
import { addBusinessDays, businessDaysBetween, calendarDaysBetween, isBusinessDay } from './business-days';
import type { HolidayCalendar } from './holiday-calendar';
import { SAMPLE_HOLIDAY_CALENDAR_2026 as calendar } from './holidays-2026.sample';
import { endOfMadridDay, startOfMadridDay } from './madrid-time';

const MADRID = '28';
const BARCELONA = '08';
const GIRONA = '17';
const SEVILLA = '41';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('business days', () => {
  it('skips Saturdays and Sundays', () => {
    expect(addBusinessDays('2026-11-20', 1, calendar, SEVILLA)).toBe('2026-11-23');
    expect(addBusinessDays('2026-11-23', 10, calendar, SEVILLA)).toBe('2026-12-07');
  });

  it('skips national holidays everywhere', () => {
    expect(addBusinessDays('2026-12-24', 1, calendar, SEVILLA)).toBe('2026-12-28');
    expect(isBusinessDay('2026-10-12', calendar, BARCELONA)).toBe(false);
  });

  it("skips a community's regional holidays only in its provinces", () => {
    // Madrid rests on Holy Thursday, Cataluña on Easter Monday; both on Good Friday.
    expect(addBusinessDays('2026-04-01', 1, calendar, MADRID)).toBe('2026-04-06');
    expect(addBusinessDays('2026-04-01', 1, calendar, BARCELONA)).toBe('2026-04-02');
    expect(addBusinessDays('2026-04-02', 1, calendar, BARCELONA)).toBe('2026-04-07');
  });

  it("skips a province's local holidays only in that province", () => {
    expect(addBusinessDays('2026-05-14', 1, calendar, MADRID)).toBe('2026-05-18');
    expect(addBusinessDays('2026-05-14', 1, calendar, SEVILLA)).toBe('2026-05-15');
    expect(addBusinessDays('2026-09-23', 1, calendar, BARCELONA)).toBe('2026-09-25');
    expect(addBusinessDays('2026-09-23', 1, calendar, GIRONA)).toBe('2026-09-24');
  });

  it('counts from the day after the act, so zero days is the same day', () => {
    expect(addBusinessDays('2026-11-21', 0, calendar, MADRID)).toBe('2026-11-21');
    expect(addBusinessDays('2026-11-21', 1, calendar, MADRID)).toBe('2026-11-23');
  });

  it('counts the business days consumed between two days, excluding the first', () => {
    expect(businessDaysBetween('2026-11-20', '2026-11-27', calendar, MADRID)).toBe(5);
    expect(businessDaysBetween('2026-12-04', '2026-12-09', calendar, MADRID)).toBe(1);
    expect(businessDaysBetween('2026-11-27', '2026-11-20', calendar, MADRID)).toBe(0);
  });

  it('counts calendar days including weekends and holidays', () => {
    expect(addCalendarDays('2026-12-24', 10)).toBe('2027-01-03');
    expect(calendarDaysBetween('2026-11-23', '2026-12-03')).toBe(10);
  });

  it('refuses a negative or fractional number of days', () => {
    for (const days of [-1, 1.5]) {
      expect(refusal(() => addBusinessDays('2026-11-23', days, calendar, MADRID))).toMatchObject({
        code: 'INVALID_DAY_COUNT',
      });
    }
  });

  it('refuses to count through a year the holiday calendar does not cover', () => {
    expect(refusal(() => addBusinessDays('2026-12-28', 5, calendar, MADRID))).toMatchObject({
      code: 'HOLIDAY_CALENDAR_NOT_COVERED',
      facts: { year: 2027 },
    });
  });

  it('refuses an unknown province and a malformed date', () => {
    expect(refusal(() => addBusinessDays('2026-11-23', 1, calendar, '99'))).toMatchObject({
      code: 'UNKNOWN_PROVINCE',
    });
    expect(refusal(() => addBusinessDays('23/11/2026', 1, calendar, MADRID))).toMatchObject({
      code: 'INVALID_DATE',
    });
  });

  it('takes the holidays from the calendar given, not from code', () => {
    const custom: HolidayCalendar = {
      years: [2026],
      national: [],
      regional: {},
      local: { '41': [{ date: '2026-11-23', name: 'Local holiday' }] },
    };
    expect(addBusinessDays('2026-11-20', 1, custom, SEVILLA)).toBe('2026-11-24');
    expect(addBusinessDays('2026-12-24', 1, custom, SEVILLA)).toBe('2026-12-25');
  });
});

describe('Madrid day boundaries', () => {
  it('starts a Madrid day at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(startOfMadridDay('2026-12-04').toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(startOfMadridDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('finds midnight on the days the clocks change', () => {
    expect(startOfMadridDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfMadridDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(endOfMadridDay('2026-03-29').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
