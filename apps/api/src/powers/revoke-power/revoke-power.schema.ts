import { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';

export const revokeRequest = z.object({
  reason: prose(2000)
    .optional()
    .meta({ description: 'Why, in your words; kept with the revocation.', example: 'Ya no me representa.' }),
});
export type RevokeRequest = z.infer<typeof revokeRequest>;
