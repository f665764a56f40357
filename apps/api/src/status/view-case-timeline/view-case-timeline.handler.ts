import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import {
  CASE_STATUS_READ_MODEL,
  CaseStatusReadModel,
  TimelineEntry,
} from '@expediente/infra/case-status/case-status.port';
import { VisibleCases } from '../status.shared';

export class ViewCaseTimeline extends Query<readonly TimelineEntry[]> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(ViewCaseTimeline)
export class ViewCaseTimelineHandler implements IQueryHandler<ViewCaseTimeline> {
  constructor(
    private readonly cases: VisibleCases,
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
  ) {}

  async execute({ principal, caseId }: ViewCaseTimeline): Promise<readonly TimelineEntry[]> {
    await this.cases.visibleCase(principal, caseId);
    return this.readModel.timeline(caseId);
  }
}
