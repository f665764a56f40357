/**
 * Instants at Madrid day boundaries. A deadline "ends" when its last Madrid calendar day ends,
 * whatever the server's zone; computed with Intl so daylight-saving changes need no table.
 */
import { addCalendarDays, assertIsoDate, madridDateOf, type IsoDate } from '../shared/calendar';

const HOUR_MS = 60 * 60 * 1000;

const madridHour = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Madrid',
  hour: '2-digit',
  hourCycle: 'h23',
});

/**
 * The instant Madrid's day `date` begins. Madrid is UTC+1 or UTC+2 and its clocks change at
 * 02:00/03:00, so midnight always exists and is one of these two offsets.
 */
export const startOfMadridDay = (date: IsoDate): Date => {
  const utcMidnight = Date.parse(`${assertIsoDate(date, 'date')}T00:00:00Z`);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight - offsetHours * HOUR_MS);
    if (madridDateOf(candidate) === date && madridHour.format(candidate) === '00') return candidate;
  }
  throw new RangeError(`Madrid midnight not found for ${date}.`);
};

/** The first instant after Madrid's day `date` has ended. */
export const endOfMadridDay = (date: IsoDate): Date => startOfMadridDay(addCalendarDays(date, 1));
