import { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';

/** Why the applicant withdraws; the same request whether the case is a draft or under review. */
export const withdrawalRequest = z.object({
  reason: prose(2000)
    .optional()
    .meta({ example: 'I no longer need the benefit.', description: 'Why the applicant withdraws.' }),
});
