import { z } from 'zod';
import { PROCEDURES, RESOLUTION_OUTCOMES } from '@expediente/domain';
import { CASE_STATUSES } from '@expediente/infra/case-status/case-status.port';

const day = z.iso.date().meta({ description: 'A Madrid calendar day.', example: '2026-03-16' });
const text = z
  .string()
  .meta({ description: 'In the language asked for (lang, Accept-Language; es by default).' });

/** What the citizen must do next, by when, said in their language. */
const task = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer-information-request'),
    requested: z.string().meta({ example: 'El informe de la última revisión de neurología.' }),
    dueOn: day.meta({
      description: 'The last day to answer (business days counted in the case’s province).',
    }),
    text,
  }),
  z.object({
    kind: z.literal('open-notification'),
    notificationId: z.uuid(),
    lastDayToAccess: day,
    deemedRejectedAt: z.iso
      .datetime()
      .meta({ description: 'From then on, unopened, it is deemed rejected.' }),
    text,
  }),
  z.object({ kind: z.literal('answer-notification'), notificationId: z.uuid(), text }),
]);

/** What citizens see of a case: the read model's view, as JSON. */
export const caseStatusView = z.object({
  caseId: z.uuid().meta({ example: '3f2b8c1e-6d4a-4e8b-9a57-1c0d2e3f4a5b' }),
  procedure: z.enum(PROCEDURES),
  filer: z.string().meta({ example: '12345678Z' }),
  subject: z.string().meta({ example: '12345678Z' }),
  status: z.enum(CASE_STATUSES).meta({
    description:
      'The same state the medical unit reads: the filing until the unit has it, then the review and its notification.',
  }),
  provinceCode: z.string().nullable().meta({ example: '08' }),
  unit: z
    .object({
      id: z.string().meta({ example: 'INSS-08' }),
      name: z.string().meta({ example: 'INSS Barcelona' }),
    })
    .nullable(),
  registryEntry: z
    .object({
      number: z.string().meta({ example: '2026/000042' }),
      registeredAt: z.iso.datetime().meta({ example: '2026-03-02T09:15:00.000Z' }),
    })
    .nullable(),
  receipt: z.object({
    status: z.enum(['none', 'pending', 'ready']),
    csv: z.string().nullable().meta({ example: 'K7Q2M9X4B3H8P5T1' }),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  informationRequest: z
    .object({ requested: z.string(), dueOn: day })
    .nullable()
    .meta({ description: 'What the unit asks for while it waits on the citizen.' }),
  outcome: z.enum(RESOLUTION_OUTCOMES).nullable(),
  notification: z
    .object({
      notificationId: z.uuid(),
      status: z.enum(['available', 'accessed', 'accepted', 'rejected', 'deemed-rejected']),
      lastDayToAccess: day,
      deemedRejectedAt: z.iso.datetime(),
    })
    .nullable()
    .meta({ description: 'The notification of the resolution.' }),
  todo: z
    .array(task)
    .meta({ description: 'What the citizen must do next, and by when; empty when nothing.' }),
});
