import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  DEFAULT_DEADLINE_POLICY,
  PROCEDURES,
  SAMPLE_HOLIDAY_CALENDAR,
  type DeadlinePolicy,
  type HolidayCalendar,
} from '@expediente/domain';
import type { AppConfig } from '../config/config.schema';

/** How long each step may take, and the holidays business days skip: data a deployment supplies. */
export interface DeadlineRules {
  readonly policy: DeadlinePolicy;
  readonly calendar: HolidayCalendar;
}

export const DEADLINE_RULES = Symbol('DEADLINE_RULES');

/** Our defaults: the policy in libs/domain and the sample 2026–2027 holiday calendar. */
export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  policy: DEFAULT_DEADLINE_POLICY,
  calendar: SAMPLE_HOLIDAY_CALENDAR,
};

const period = z.object({ days: z.number().int().min(0).max(3650), count: z.enum(['business', 'calendar']) });
const steps = { assign: period, evaluate: period, citizenAnswer: period, notifyResolution: period };
const policySchema = z.object({
  standard: z.object(steps),
  byProcedure: z.partialRecord(z.enum(PROCEDURES), z.object(steps).partial()).optional(),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const holiday = z.object({ date: isoDate, name: z.string().min(1) });
const calendarSchema = z.object({
  years: z.array(z.number().int()).min(1),
  national: z.array(holiday),
  regional: z.record(z.string(), z.array(holiday)),
  local: z.record(z.string().regex(/^\d{2}$/), z.array(holiday)),
});

/**
 * DEADLINE_POLICY_FILE and HOLIDAY_CALENDAR_FILE (JSON) replace the defaults; a file that
 * does not parse stops start-up with the reason, rather than running with wrong deadlines.
 */
export function loadDeadlineRules(
  config: Pick<AppConfig, 'DEADLINE_POLICY_FILE' | 'HOLIDAY_CALENDAR_FILE'>,
): DeadlineRules {
  return {
    policy: config.DEADLINE_POLICY_FILE
      ? (readJson(config.DEADLINE_POLICY_FILE, policySchema, 'DEADLINE_POLICY_FILE') as DeadlinePolicy)
      : DEFAULT_DEADLINE_RULES.policy,
    calendar: config.HOLIDAY_CALENDAR_FILE
      ? (readJson(config.HOLIDAY_CALENDAR_FILE, calendarSchema, 'HOLIDAY_CALENDAR_FILE') as HolidayCalendar)
      : DEFAULT_DEADLINE_RULES.calendar,
  };
}

function readJson(path: string, schema: z.ZodType, setting: string): unknown {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`${setting} (${path}) is not valid: ${problems}`);
  }
  return parsed.data;
}
