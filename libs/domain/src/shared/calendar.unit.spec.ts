import { addCalendarDays, addCalendarMonths, assertIsoDate, isIsoDate, madridDateOf } from './calendar';
import { ValidationError } from './domain-error';

describe('calendar dates', () => {
  it('adds calendar months keeping the day of the month', () => {
    expect(addCalendarMonths('2026-08-23', 3)).toBe('2026-11-23');
    expect(addCalendarMonths('2026-11-23', 3)).toBe('2027-02-23');
    expect(addCalendarMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-11-29', 3)).toBe('2028-02-29');
  });

  it('adds calendar days across month, year and daylight-saving changes', () => {
    expect(addCalendarDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '23/11/2026', '']) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('refuses a malformed date naming the field', () => {
    expect(() => assertIsoDate('2026-02-30', 'birthDate')).toThrow(ValidationError);
    expect(() => assertIsoDate('2026-02-30', 'birthDate')).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', facts: { field: 'birthDate', value: '2026-02-30' } }),
    );
  });

  it("reads an instant as Madrid's calendar day, whatever the host's time zone", () => {
    expect(madridDateOf(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(madridDateOf(new Date('2026-01-01T22:59:00Z'))).toBe('2026-01-01');
    expect(madridDateOf(new Date('2026-01-01T23:00:00Z'))).toBe('2026-01-02');
    expect(madridDateOf(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25');
  });
});
