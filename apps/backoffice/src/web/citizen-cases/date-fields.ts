/** The three inputs of a GOV.UK date field named `name`: `name-day`, `name-month`, `name-year`. */
export type DateParts<Name extends string> = {
  readonly [K in `${Name}-day` | `${Name}-month` | `${Name}-year`]?: string;
};

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The calendar day the person typed, as 'YYYY-MM-DD', or undefined when it is no real day. */
export function dayOf<Name extends string>(form: DateParts<Name>, name: Name): string | undefined {
  const record: Readonly<Record<string, unknown>> = form;
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(record[`${name}-${part}`]));
  if (!/^\d{1,2}$/.test(day ?? '') || !/^\d{1,2}$/.test(month ?? '') || !/^\d{4}$/.test(year ?? ''))
    return undefined;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
}

/** What the date-input partial shows back: the parts as typed. */
export function dateField<Name extends string>(form: DateParts<Name>, name: Name) {
  const record: Readonly<Record<string, unknown>> = form;
  return {
    day: text(record[`${name}-day`]),
    month: text(record[`${name}-month`]),
    year: text(record[`${name}-year`]),
  };
}
