import { z } from 'zod';
import { verificationReport } from '../audit.schema';

export const verificationRun = z.object({
  id: z.uuid(),
  requestedBy: z.string(),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  status: z.enum(['running', 'done', 'failed']),
  eventsChecked: z.number().int(),
  report: verificationReport.optional().meta({ description: 'Once done.' }),
  error: z.string().optional().meta({ description: 'Why it could not run, when failed.' }),
  links: z.object({ self: z.string() }),
});
