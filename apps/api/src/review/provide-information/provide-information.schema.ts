import { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';
import { signedRequest } from '../../commands/signing.schema';

const blobHash = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, 'must be the blobHash an upload returned')
  .transform((hash) => hash.toLowerCase())
  .meta({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' });

export const provideInformationRequest = signedRequest.extend({
  statement: prose(20000)
    .optional()
    .meta({ description: 'The answer in words.', example: 'Adjunto el informe solicitado.' }),
  documents: z
    .array(blobHash)
    .max(20)
    .default([])
    .meta({ description: 'The blobHash of each uploaded document to send with the answer.' }),
});
export type ProvideInformationRequest = z.infer<typeof provideInformationRequest>;
