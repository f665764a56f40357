import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import type { Language } from '@expediente/infra/case-status/messages/messages';
import { VisibleCases } from '../status.shared';
import { PresentedCase, presentCase } from '../status.language';

export class ViewCaseStatus extends Query<PresentedCase> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly language: Language,
  ) {
    super();
  }
}

@QueryHandler(ViewCaseStatus)
export class ViewCaseStatusHandler implements IQueryHandler<ViewCaseStatus> {
  constructor(private readonly cases: VisibleCases) {}

  async execute({ principal, caseId, language }: ViewCaseStatus): Promise<PresentedCase> {
    return presentCase(await this.cases.visibleCase(principal, caseId), language);
  }
}
