import { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';

export const evaluateCaseRequest = z.object({
  findings: prose(20000, { required: true }).meta({
    description: 'The medical evaluation’s findings.',
    example: 'Limitación funcional moderada del hombro derecho.',
  }),
});
