import { z } from 'zod';
import { line } from '@expediente/infra/validation/text';

export const verifyCaseQuery = z.object({
  caseId: line(100).meta({ description: 'The case whose streams to verify.', example: '3f1c2a9e-…' }),
});
