import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  ACCEPTED_CONTENT_TYPES,
  ATTACHMENT_KINDS,
  caseDocumentsOf,
  DOCUMENT_SOURCES,
  type AttachmentContentType,
  type CaseDocument,
  type CompetentUnit,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { readDomainStream } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { ApiProblem } from '../problem/api-problem';
import { REVIEW_REFUSALS, Reviews } from './review.shared';

export const documentNotFound = (caseId: string, blobHash: string): ApiProblem =>
  new ApiProblem(
    404,
    'DOCUMENT_NOT_FOUND',
    'Document not found',
    `Case ${caseId} has no document ${blobHash}.`,
    {
      blobHash,
    },
  );

/**
 * Shown where they are: a PDF in the browser's viewer, an image as an image. Anything else (a
 * TIFF, which browsers do not display) is only downloaded; nothing is ever served as a page.
 */
export const SHOWN_INLINE: readonly AttachmentContentType[] = ['application/pdf', 'image/jpeg', 'image/png'];

/** The case's documents for the staff of its unit: the domain's rule first, then its streams. */
@Injectable()
export class UnitCaseDocuments {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reviews: Reviews,
  ) {}

  async forStaff(
    principal: Principal,
    caseId: string,
  ): Promise<{ competent: CompetentUnit; documents: CaseDocument[] }> {
    const { review } = await this.reviews.forStaff(principal, caseId);
    const events = await Promise.all(
      [streams.filing(caseId), streams.review(caseId), streams.receipt(caseId)].map((stream) =>
        readDomainStream(this.store, stream),
      ),
    );
    return { competent: { caseId, unit: review.unit }, documents: caseDocumentsOf(events.flat()) };
  }
}

export const caseDocumentSchema = z.object({
  blobHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({
      description: 'The document’s sha-256: its id within the case.',
      example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    }),
  filename: z.string().meta({ example: 'informe-traumatologia.pdf' }),
  contentType: z.enum(ACCEPTED_CONTENT_TYPES),
  size: z.number().int().min(0).meta({ example: 48213 }),
  kind: z.enum([...ATTACHMENT_KINDS, 'proof-of-receipt', 'resolution']),
  providedIn: z.enum(DOCUMENT_SOURCES).meta({
    description:
      'The step that put it on the case: the filing, the citizen’s answer to an information request, or a document the administration issued.',
  }),
  providedAt: z.iso.datetime().meta({ example: '2026-03-02T09:15:00.000Z' }),
});

/** Refusals of the staff's document routes: another unit's case, or anyone not its staff, is not found. */
export const STAFF_DOCUMENT_REFUSALS = [
  ...REVIEW_REFUSALS.filter((refusal) => refusal.status !== 403),
  { status: 403, codes: ['LEVEL_OF_ASSURANCE_TOO_LOW'] },
] as const;
