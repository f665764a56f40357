import { z } from 'zod';
import { RESOLUTION_OUTCOMES } from '@expediente/domain';
import { prose } from '@expediente/infra/validation/text';

export const resolveCaseRequest = z.object({
  outcome: z.enum(RESOLUTION_OUTCOMES).meta({ example: 'granted' }),
  grounds: prose(20000, { required: true }).meta({ example: 'Los informes acreditan la limitación.' }),
  legalBasis: prose(4000, { required: true }).meta({ example: 'Art. 194 LGSS' }),
});
export type ResolveCaseRequest = z.infer<typeof resolveCaseRequest>;
