import { z } from 'zod';

/**
 * The one way a request's string becomes data of ours. PostgreSQL's jsonb refuses NUL and
 * unpaired surrogates (so they used to surface as a 500 when the event was appended), controls
 * draw on terminals and split headers, and the same name typed on two keyboards (NFC "é" and
 * NFD "e" + U+0301) must compare equal. Every free string of every request schema is built
 * here; strings held to a whole-string pattern or an enum cannot carry such characters.
 */

/** The problem `code` of a string refused for its characters (422): well-formed JSON, unacceptable text. */
export const UNSAFE_TEXT = 'UNSAFE_TEXT';

// C0, DEL and C1 controls. Multi-line text may also hold tab, LF and CR followed by LF.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/u;
/** In a `u` regex a paired surrogate is one code point, so this matches only halves standing alone. */
const LONE_SURROGATE = /\p{Cs}/u;

const codePointOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` is not acceptable text, or undefined. */
export function unsafeTextReason(value: string, { multiline = false } = {}): string | undefined {
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `contains an unpaired surrogate (${codePointOf(surrogate[0])}), which is not text`;
  const control = (multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).exec(value);
  if (control) return `contains a control character (${codePointOf(control[0])})`;
  return undefined;
}

const plain = (multiline: boolean) =>
  z
    .string()
    .superRefine((value, ctx) => {
      const reason = unsafeTextReason(value, { multiline });
      if (reason)
        ctx.addIssue({ code: 'custom', message: reason, params: { code: UNSAFE_TEXT }, abort: true });
    })
    .normalize('NFC');

/** One line — a name, a reference, an id: trimmed, NFC, at least one character. */
export const line = (max: number) => plain(false).trim().min(1).max(max);

/** What a person writes (remarks, findings, reasons): may span lines; NFC. */
export const prose = (max: number, { required = false } = {}) =>
  required ? plain(true).trim().min(1).max(max) : plain(true).max(max);

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30), from year 1 on. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((date) => {
    const day = new Date(`${date}T00:00:00Z`);
    return date >= '0001-01-01' && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
  }, 'must be a date that exists');

/** Whether a zod issue is a refusal of `UNSAFE_TEXT` (so the request is well-formed but its text is not). */
export const isUnsafeTextIssue = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'custom' && (issue.params as { code?: unknown } | undefined)?.code === UNSAFE_TEXT;
