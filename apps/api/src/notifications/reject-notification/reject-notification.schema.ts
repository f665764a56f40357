import type { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';
import { signedRequest } from '../../commands/signing.schema';

export const rejectionRequest = signedRequest.extend({
  reason: prose(2000)
    .optional()
    .meta({ description: 'Why, in your words; kept on the proof of delivery.', example: 'Se recurrirá.' }),
});
export type RejectionRequest = z.infer<typeof rejectionRequest>;
