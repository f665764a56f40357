import { z } from 'zod';
import { line, prose } from '@expediente/infra/validation/text';

export const assignReviewerRequest = z.object({
  reviewerId: line(32).meta({ description: "The reviewer's DNI/NIE.", example: '50234567Z' }),
  reason: prose(2000)
    .optional()
    .meta({ description: 'Required when the case already has a reviewer.', example: 'Workload' }),
});
export type AssignReviewerRequest = z.infer<typeof assignReviewerRequest>;
