import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AUDIT_ACTIVITY, AuditActivity } from '@expediente/infra/audit/audit-activity.port';
import type { ActivityView, SearchActivityQuery } from './search-activity.schema';

export class SearchActivity extends Query<ActivityView> {
  constructor(readonly query: SearchActivityQuery) {
    super();
  }
}

/** Who did what: a page of the audit_activity projection, by recorded time. */
@QueryHandler(SearchActivity)
export class SearchActivityHandler implements IQueryHandler<SearchActivity> {
  constructor(@Inject(AUDIT_ACTIVITY) private readonly activity: AuditActivity) {}

  async execute({ query }: SearchActivity): Promise<ActivityView> {
    const { actor, caseId, type, from, to, limit, cursor } = query;
    const page = await this.activity.search({ actor, caseId, type, from, to }, { limit, cursor });
    return {
      items: page.items.map((item) => ({ ...item, recordedAt: item.recordedAt.toISOString() })),
      next: page.next,
    };
  }
}
