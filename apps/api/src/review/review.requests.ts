import { z } from 'zod';
import { RESOLUTION_OUTCOMES } from '@expediente/domain';
import { line, prose } from '@expediente/infra/validation/text';

const text = (max: number) => prose(max, { required: true });
const signingCode = z
  .string()
  .regex(/^\d{6}$/, 'must be the 6 digits sent by SMS')
  .optional();
const blobHash = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be the blobHash an upload returned')
  .transform((hash) => hash.toLowerCase());

export const assignmentRequest = z.object({ reviewerId: line(32), reason: prose(2000).optional() });
export const informationRequestRequest = z.object({ requested: text(4000) });
export const evaluationRequest = z.object({ findings: text(20000) });
export const resolutionRequest = z.object({
  outcome: z.enum(RESOLUTION_OUTCOMES as [string, ...string[]]),
  grounds: text(20000),
  legalBasis: text(4000),
});
export const provideInformationRequest = z.object({
  statement: prose(20000).optional(),
  documents: z.array(blobHash).max(20).default([]),
  signingCode,
});
export const withdrawalRequest = z.object({ reason: prose(2000).optional() });
