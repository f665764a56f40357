/**
 * SAMPLE DATA for development and tests, not an official source. It lists 2026's national
 * holidays (BOE resolution of the Directorate-General for Labour) and, as examples of the other
 * layers, the regional holidays of Cataluña and the Comunidad de Madrid and the local ones of
 * the cities of Barcelona and Madrid. Other communities and provinces are deliberately absent:
 * a deployment loads the full calendar published each year in the BOE, the regional gazettes
 * (DOGC, BOCM, …) and the municipal ones, and should check these dates against them.
 */
import type { HolidayCalendar } from './holiday-calendar';

export const SAMPLE_HOLIDAY_CALENDAR_2026: HolidayCalendar = {
  years: [2026],
  national: [
    { date: '2026-01-01', name: 'Año Nuevo' },
    { date: '2026-01-06', name: 'Epifanía del Señor' },
    { date: '2026-04-03', name: 'Viernes Santo' },
    { date: '2026-05-01', name: 'Fiesta del Trabajo' },
    { date: '2026-08-15', name: 'Asunción de la Virgen' },
    { date: '2026-10-12', name: 'Fiesta Nacional de España' },
    { date: '2026-12-08', name: 'Inmaculada Concepción' },
    { date: '2026-12-25', name: 'Natividad del Señor' },
  ],
  regional: {
    Cataluña: [
      { date: '2026-04-06', name: 'Lunes de Pascua Florida' },
      { date: '2026-06-24', name: 'San Juan' },
      { date: '2026-09-11', name: 'Fiesta Nacional de Cataluña' },
      { date: '2026-12-26', name: 'San Esteban' },
    ],
    'Comunidad de Madrid': [
      { date: '2026-04-02', name: 'Jueves Santo' },
      { date: '2026-05-02', name: 'Fiesta de la Comunidad de Madrid' },
      { date: '2026-11-02', name: 'Lunes siguiente a Todos los Santos' },
      { date: '2026-12-07', name: 'Lunes siguiente al Día de la Constitución' },
    ],
  },
  local: {
    '08': [
      { date: '2026-05-25', name: 'Lunes de Pascua Granada (Barcelona)' },
      { date: '2026-09-24', name: 'La Mercè (Barcelona)' },
    ],
    '28': [
      { date: '2026-05-15', name: 'San Isidro (Madrid)' },
      { date: '2026-11-09', name: 'Nuestra Señora de la Almudena (Madrid)' },
    ],
  },
};

/**
 * SAMPLE DATA: 2027's national holidays (fixed dates and Good Friday, 26 March) and the fixed
 * regional ones of Cataluña, so deadlines set late in 2026 can run into January 2027. Local
 * and moveable regional holidays of 2027 are not listed: load the published calendar.
 */
export const SAMPLE_HOLIDAY_CALENDAR: HolidayCalendar = {
  years: [2026, 2027],
  national: [
    ...SAMPLE_HOLIDAY_CALENDAR_2026.national,
    { date: '2027-01-01', name: 'Año Nuevo' },
    { date: '2027-01-06', name: 'Epifanía del Señor' },
    { date: '2027-03-26', name: 'Viernes Santo' },
    { date: '2027-05-01', name: 'Fiesta del Trabajo' },
    { date: '2027-08-15', name: 'Asunción de la Virgen' },
    { date: '2027-10-12', name: 'Fiesta Nacional de España' },
    { date: '2027-11-01', name: 'Todos los Santos' },
    { date: '2027-12-06', name: 'Día de la Constitución Española' },
    { date: '2027-12-08', name: 'Inmaculada Concepción' },
    { date: '2027-12-25', name: 'Natividad del Señor' },
  ],
  regional: {
    ...SAMPLE_HOLIDAY_CALENDAR_2026.regional,
    Cataluña: [
      ...(SAMPLE_HOLIDAY_CALENDAR_2026.regional.Cataluña ?? []),
      { date: '2027-03-29', name: 'Lunes de Pascua Florida' },
      { date: '2027-06-24', name: 'San Juan' },
      { date: '2027-09-11', name: 'Fiesta Nacional de Cataluña' },
    ],
  },
  local: SAMPLE_HOLIDAY_CALENDAR_2026.local,
};
