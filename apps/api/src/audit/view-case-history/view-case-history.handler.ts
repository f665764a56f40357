import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CaseHistory } from '@expediente/infra/audit/case-history';
import type { StoredEvent } from '@expediente/infra/event-store/event-store.port';
import type { CaseHistoryView, StoredEventView, ViewCaseHistoryQuery } from './view-case-history.schema';

export class ViewCaseHistory extends Query<CaseHistoryView> {
  constructor(
    readonly caseId: string,
    readonly query: ViewCaseHistoryQuery,
  ) {
    super();
  }
}

export const storedEventView = (event: StoredEvent): StoredEventView => ({
  id: event.id,
  stream: event.stream,
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt.toISOString(),
  streamVersion: event.streamVersion,
  position: event.position,
  hash: event.hash,
});

/** Every event of every stream of the case, as stored, in log order, a page at a time. */
@QueryHandler(ViewCaseHistory)
export class ViewCaseHistoryHandler implements IQueryHandler<ViewCaseHistory> {
  constructor(private readonly history: CaseHistory) {}

  async execute({ caseId, query }: ViewCaseHistory): Promise<CaseHistoryView> {
    const events = await this.history.rawEvents(caseId);
    const streams = new Map<string, { stream: string; events: number; lastVersion: number }>();
    for (const event of events) {
      const seen = streams.get(event.stream);
      streams.set(event.stream, {
        stream: event.stream,
        events: (seen?.events ?? 0) + 1,
        lastVersion: Math.max(seen?.lastVersion ?? 0, event.streamVersion),
      });
    }
    const after = query.cursor ?? 0;
    const rest = events.filter((event) => event.position > after);
    const page = rest.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      caseId,
      streams: [...streams.values()],
      items: page.map(storedEventView),
      next: rest.length > query.limit && last ? String(last.position) : null,
    };
  }
}
