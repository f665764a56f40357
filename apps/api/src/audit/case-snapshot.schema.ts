import { z } from 'zod';
import type { CitizenStatus } from '@expediente/domain';
import { instantSchema } from './audit.shared';

const CITIZEN_STATUSES = [
  'routed',
  'assigned',
  'information-requested',
  'information-provided',
  'evaluated',
  'resolved',
  'notification-available',
  'notification-accepted',
  'notification-rejected',
  'notification-deemed-rejected',
  'closed',
  'withdrawn',
] as const satisfies readonly CitizenStatus[];

const NOTIFICATION_STATUSES = [
  'none',
  'available',
  'accessed',
  'accepted',
  'rejected',
  'deemed-rejected',
] as const;
const byId = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

/** What the citizen read of the case then (citizen-status.ts `citizenViewOf`), never the reviewer. */
const citizenView = z.object({
  status: z.enum(CITIZEN_STATUSES),
  informationRequest: z.object({ requested: z.string(), dueOn: z.iso.date() }).nullable(),
  outcome: z.enum(['granted', 'partially-granted', 'denied']).nullable(),
  notification: z
    .object({
      notificationId: z.string(),
      status: z.enum(['available', 'accessed', 'accepted', 'rejected', 'deemed-rejected']),
      lastDayToAccess: z.iso.date(),
      deemedRejectedAt: instantSchema,
    })
    .nullable(),
  todo: z.array(
    z.looseObject({
      kind: z.enum(['answer-information-request', 'open-notification', 'answer-notification']),
    }),
  ),
});

/**
 * Each aggregate of the case as its own decider's `evolve` left it (libs/domain/src/audit/audited-case.ts):
 * every field of the domain's state; the status of each is typed here, the rest as the domain defines it.
 */
export const caseSnapshotSchema = z.object({
  filing: z
    .looseObject({
      procedure: z.enum(['medical-report-submission', 'entitlement-application']),
      status: z.enum(['none', 'draft', 'submitted', 'withdrawn']),
    })
    .nullable()
    .meta({ description: 'The filing (draft → submitted → withdrawn); null before its first event.' }),
  receipt: z.looseObject({ status: z.enum(['none', 'issued']) }),
  review: z.looseObject({
    status: z.enum([
      'none',
      'open',
      'assigned',
      'awaiting-citizen',
      'evaluated',
      'resolved',
      'closed',
      'withdrawn',
    ]),
  }),
  notifications: byId(z.looseObject({ status: z.enum(NOTIFICATION_STATUSES) })).meta({
    description: 'Every notification of the case, by id.',
  }),
  paperPost: z.looseObject({ status: z.enum(['none', 'posted']) }),
  alerts: byId(z.looseObject({ status: z.enum(['none', 'sent', 'failed']) })),
  powers: byId(z.looseObject({ status: z.enum(['none', 'granted', 'accepted', 'revoked']) })).meta({
    description: 'Powers of attorney the case relied on, by id.',
  }),
  citizen: citizenView
    .nullable()
    .meta({ description: 'What the citizen read then; null while the case had no review.' }),
});
