import { z } from 'zod';
import type { ProvideInformation, ProvidedAttachment } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../commands/command-context';

/** What a code sent for this purpose confirms: the answer to this case's information request. */
export const informationPurposeOf = (caseId: string): string => `inform:${caseId}`;

export interface Answer {
  readonly statement?: string;
  readonly attachments: readonly ProvidedAttachment[];
}

/** The domain's command for an answer: the upload checks its documents with it, the signed answer runs it. */
export const provideInformationCommand = (
  principal: Principal,
  caseId: string,
  answer: Answer,
  otpVerified: boolean,
): ProvideInformation => ({
  type: 'ProvideInformation',
  data: { caseId, ...answer, otpVerified },
  metadata: metadataFor(principal),
});

export const uploadedDocumentSchema = z.object({
  blobHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }),
  filename: z.string().meta({ example: 'informe-traumatologia.pdf' }),
  contentType: z.string().meta({ example: 'application/pdf' }),
  size: z.number().int().min(0).meta({ example: 48213 }),
  kind: z.enum(['medical-report', 'supporting-document', 'other']),
});

/** The documents uploaded for the answer not yet sent, and what is left of its 10 MB. */
export const uploadedDocumentsSchema = z.object({
  documents: z.array(uploadedDocumentSchema),
  remainingBytes: z.number().int().meta({ example: 10_437_547 }),
});

/** Refusals of the citizen's routes under /reviews/{caseId}/information. */
export const PARTY_REFUSALS = [
  { status: 400, codes: ['INVALID_ID'] },
  { status: 403, codes: ['FORBIDDEN_ROLE'] },
  { status: 404, codes: ['REVIEW_NOT_FOUND'] },
] as const;
