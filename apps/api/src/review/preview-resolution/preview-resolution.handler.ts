import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { caseReviewDecider, type CaseResolved } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { readDomainStream } from '@expediente/infra/event-store/domain-events';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { PDF_RENDERER, PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { resolutionFactsFor } from '@expediente/infra/resolutions/resolution-facts';
import { resolutionHtml } from '@expediente/infra/resolutions/resolution-view';
import { metadataFor } from '../../commands/command-context';
import { Reviews } from '../review.shared';
import type { ResolveCaseRequest } from '../resolve-case/resolve-case.schema';

export class PreviewResolution extends Query<Buffer> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly request: ResolveCaseRequest,
  ) {
    super();
  }
}

/**
 * The letter the worker would issue for this resolution, marked as a draft: the domain decides
 * the ResolveCase it would be (every rule, so a preview is refused exactly as resolving would be),
 * and nothing is appended, sealed, stored or sent.
 */
@QueryHandler(PreviewResolution)
export class PreviewResolutionHandler implements IQueryHandler<PreviewResolution> {
  constructor(
    private readonly reviews: Reviews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PDF_RENDERER) private readonly pdf: PdfRenderer,
  ) {}

  async execute({ principal, caseId, request }: PreviewResolution): Promise<Buffer> {
    const { review } = await this.reviews.forStaff(principal, caseId);
    const [resolved] = caseReviewDecider.decide(
      { type: 'ResolveCase', data: { caseId, ...request }, metadata: metadataFor(principal) },
      review,
    );
    if (resolved?.type !== 'CaseResolved' || review.procedure === 'notifications') {
      throw new Error(`ResolveCase decided no CaseResolved for ${caseId}`);
    }
    const decided: CaseResolved['data'] = resolved.data;
    const facts = resolutionFactsFor(
      await readDomainStream(this.store, streams.filing(caseId)),
      { ...decided, unit: review.unit, procedure: review.procedure },
      { csv: '', verifyBaseUrl: '' },
    );
    return this.pdf.render(resolutionHtml({ ...facts, draft: true }));
  }
}
