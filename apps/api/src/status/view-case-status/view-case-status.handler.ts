import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import type { CaseStatusView } from '@expediente/infra/case-status/case-status.port';
import { VisibleCases } from '../status.shared';

export class ViewCaseStatus extends Query<CaseStatusView> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
  ) {
    super();
  }
}

@QueryHandler(ViewCaseStatus)
export class ViewCaseStatusHandler implements IQueryHandler<ViewCaseStatus> {
  constructor(private readonly cases: VisibleCases) {}

  execute({ principal, caseId }: ViewCaseStatus): Promise<CaseStatusView> {
    return this.cases.visibleCase(principal, caseId);
  }
}
