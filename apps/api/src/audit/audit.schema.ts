import { z } from 'zod';

/** A verification's report, as the log-integrity port returns it (libs/infra/src/log-integrity). */
const finding = z.object({
  code: z.string().meta({
    description: 'Stable: CHAIN_BROKEN, STREAM_MISSING, POSITION_MOVED, …',
    example: 'CHAIN_BROKEN',
  }),
  message: z.string(),
  stream: z.string().optional().meta({ example: 'case-3f1c…' }),
  version: z.number().int().optional(),
  position: z.number().int().optional(),
  eventId: z.string().optional(),
  checkpoint: z.number().int().optional(),
  expected: z.union([z.string(), z.number()]).optional(),
  found: z.union([z.string(), z.number()]).optional(),
});

export const verificationReport = z.object({
  scope: z.union([
    z.object({ kind: z.literal('log') }),
    z.object({ kind: z.literal('case'), caseId: z.string(), streams: z.array(z.string()) }),
  ]),
  intact: z.boolean().meta({ description: 'No finding at all.' }),
  events: z.number().int(),
  streams: z.number().int(),
  checkpoints: z.number().int(),
  timestamped: z.number().int().meta({ description: 'Checkpoints whose time-stamp token verified.' }),
  notYetCheckpointed: z.object({
    events: z.number().int(),
    firstPosition: z.number().int().optional(),
    lastPosition: z.number().int().optional(),
  }),
  findings: z.array(finding).meta({ description: 'The first 1000 findings, each located.' }),
  findingsTotal: z.number().int(),
  seconds: z.number(),
});
