import { madridEndOfDay, madridInstant, madridParts } from './madrid-time';

describe('Madrid wall-clock time in the audit forms', () => {
  it('reads a winter day and time as UTC+1 and a summer one as UTC+2', () => {
    expect(madridInstant('2026-01-15', '10:30')).toBe('2026-01-15T09:30:00.000Z');
    expect(madridInstant('2026-07-15', '10:30:05')).toBe('2026-07-15T08:30:05.000Z');
  });

  it('reads the hours either side of the spring change', () => {
    expect(madridInstant('2026-03-29', '01:59:59')).toBe('2026-03-29T00:59:59.000Z');
    expect(madridInstant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes a whole day up to its last millisecond as a range end', () => {
    expect(madridEndOfDay('2026-11-02')).toBe('2026-11-02T22:59:59.999Z');
  });

  it('refuses a day that does not exist and times not written as HH:MM', () => {
    expect(madridInstant('2026-02-30')).toBeUndefined();
    expect(madridInstant('02/11/2026')).toBeUndefined();
    expect(madridInstant('2026-11-02', '25:00')).toBeUndefined();
  });

  it('gives back the day and time an instant was in Madrid', () => {
    expect(madridParts('2026-07-15T08:30:05.120Z')).toEqual({ date: '2026-07-15', time: '10:30:05' });
    expect(madridParts('not a date')).toBeUndefined();
  });
});
