import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import type { Language } from '@expediente/infra/case-status/messages/messages';
import { VisibleCases } from '../status.shared';
import { presentTimeline } from '../status.language';

type Timeline = ReturnType<typeof presentTimeline>;

export class ViewCaseTimeline extends Query<Timeline> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly language: Language,
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

  async execute({ principal, caseId, language }: ViewCaseTimeline): Promise<Timeline> {
    await this.cases.visibleCase(principal, caseId);
    return presentTimeline(await this.readModel.timeline(caseId), language);
  }
}
