import type { Language } from '../i18n/catalog';

/**
 * Auditors think in Madrid's wall-clock time; the API takes instants. A day and a time typed in a
 * form become the instant they name in Madrid (either side of a daylight-saving change), and an
 * instant becomes the day and time to prefill the form with.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const ZONE = 'Europe/Madrid';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: number): { date: string; time: string; asUtc: number } {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  const time = `${p.hour}:${p.minute}:${p.second}`;
  return { date, time, asUtc: Date.parse(`${date}T${time}Z`) };
}

/** Minutes Madrid is ahead of UTC at that instant. */
const offsetAt = (instant: number): number => {
  const whole = Math.floor(instant / 1000) * 1000;
  return (wallClock(whole).asUtc - whole) / 60_000;
};

/**
 * The instant a Madrid day and time name, as ISO 8601; undefined when either is not written as
 * YYYY-MM-DD and HH:MM[:SS] or the day does not exist (30 February).
 */
export function madridInstant(date: string, time = '00:00:00', milliseconds = 0): string | undefined {
  const d = DATE.exec(date.trim());
  const t = TIME.exec(time.trim());
  if (!d || !t) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const wall = Date.UTC(year, month - 1, day, Number(t[1]), Number(t[2]), Number(t[3] ?? 0), milliseconds);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  const guess = wall - offsetAt(wall) * 60_000;
  return new Date(wall - offsetAt(guess) * 60_000).toISOString();
}

/** The last instant of a Madrid day (a range "to" that day includes all of it). */
export const madridEndOfDay = (date: string): string | undefined => madridInstant(date, '23:59:59', 999);

/** The Madrid day (YYYY-MM-DD) and time (HH:MM:SS) of an instant. */
export function madridParts(iso: string): { date: string; time: string } | undefined {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return undefined;
  const { date, time } = wallClock(instant);
  return { date, time };
}

const WRITTEN: Readonly<Record<Language, Intl.DateTimeFormat>> = {
  es: new Intl.DateTimeFormat('es-ES', { dateStyle: 'long', timeStyle: 'medium', timeZone: ZONE }),
  ca: new Intl.DateTimeFormat('ca-ES', { dateStyle: 'long', timeStyle: 'medium', timeZone: ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'medium', timeZone: ZONE }),
};

/** An instant as day and Madrid time to the second: events of one case often share a minute. */
export function writtenInstant(language: Language, iso: string): string {
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? iso : WRITTEN[language].format(instant);
}
