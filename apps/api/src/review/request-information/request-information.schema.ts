import { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';

export const requestInformationRequest = z.object({
  requested: prose(4000, { required: true }).meta({
    description: 'What the citizen is asked to provide.',
    example: 'Informe de la consulta de traumatología de octubre.',
  }),
});
