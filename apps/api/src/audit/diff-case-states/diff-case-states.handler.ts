import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { diffStates, foldAuditedCase, pathsOverlap, replayChanges, snapshotOf } from '@expediente/domain';
import { CaseHistory } from '@expediente/infra/audit/case-history';
import { invalidQuery, metadataOf, upTo } from '../audit.shared';
import type { CaseDiffView, DiffCaseStatesQuery } from './diff-case-states.schema';

export class DiffCaseStates extends Query<CaseDiffView> {
  constructor(
    readonly caseId: string,
    readonly query: DiffCaseStatesQuery,
  ) {
    super();
  }
}

/** What changed in the case between two points, by which events, by whom, with which level of assurance. */
@QueryHandler(DiffCaseStates)
export class DiffCaseStatesHandler implements IQueryHandler<DiffCaseStates> {
  constructor(private readonly history: CaseHistory) {}

  async execute({ caseId, query }: DiffCaseStates): Promise<CaseDiffView> {
    const all = await this.history.events(caseId);
    const from = upTo(all, query.from);
    const to = upTo(all, query.to);
    const before = new Set(from.events.map((event) => event.id));
    const target = new Set(to.events.map((event) => event.id));
    // An instant and a position are compared where they fall: `from` must take in nothing `to` does not.
    if (from.events.some((event) => !target.has(event.id)))
      throw invalidQuery([{ field: 'from', message: 'falls after to in the case’s history' }]);
    const start = foldAuditedCase(from.events);
    const { end, steps } = replayChanges(
      start,
      to.events.filter((event) => !before.has(event.id)),
    );
    const changes = diffStates(snapshotOf(start), snapshotOf(end)).map((change) => ({
      ...change,
      events: steps
        .filter((step) => step.changes.some((other) => pathsOverlap(change.path, other.path)))
        .map((step) => step.event.id),
    }));
    return {
      caseId,
      from: from.point,
      to: to.point,
      changes,
      events: steps.map(({ event, changes }) => ({
        position: event.position,
        eventId: event.id,
        stream: event.stream,
        type: event.type,
        recordedAt: event.recordedAt.toISOString(),
        ...metadataOf(event.metadata),
        changes,
      })),
    };
  }
}
