import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { foldAuditedCase, snapshotOf } from '@expediente/domain';
import { CaseHistory, type HistoryPoint } from '@expediente/infra/audit/case-history';
import { upTo } from '../audit.shared';
import type { CaseStateView, ViewCaseStateQuery } from './view-case-state.schema';

export class ViewCaseState extends Query<CaseStateView> {
  constructor(
    readonly caseId: string,
    readonly query: ViewCaseStateQuery,
  ) {
    super();
  }
}

export const pointOf = ({ at, position }: ViewCaseStateQuery): HistoryPoint | undefined =>
  at ? { kind: 'instant', at } : position !== undefined ? { kind: 'position', position } : undefined;

/** The case as it stood at a point: its events up to then, folded by the domain's own evolve functions. */
@QueryHandler(ViewCaseState)
export class ViewCaseStateHandler implements IQueryHandler<ViewCaseState> {
  constructor(private readonly history: CaseHistory) {}

  async execute({ caseId, query }: ViewCaseState): Promise<CaseStateView> {
    const { events, point } = upTo(await this.history.events(caseId), pointOf(query));
    return { caseId, point, state: snapshotOf(foldAuditedCase(events)) };
  }
}
