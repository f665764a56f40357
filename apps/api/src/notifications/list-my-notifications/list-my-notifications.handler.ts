import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { NotificationInbox, type InboxPage } from '@expediente/infra/review-queue/notification-inbox';
import { principalsRepresentedBy } from '../../powers/powers-between';
import type { InboxQuery } from './list-my-notifications.schema';

export class ListMyNotificationsQuery extends Query<InboxPage> {
  constructor(
    readonly principal: Principal,
    readonly page: InboxQuery,
  ) {
    super();
  }
}

/** One's own notifications and those of everyone whose notifications one manages by a power in force now. */
@QueryHandler(ListMyNotificationsQuery)
export class ListMyNotificationsHandler implements IQueryHandler<ListMyNotificationsQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_STATUS_READ_MODEL) private readonly caseStatus: CaseStatusReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly inbox: NotificationInbox,
  ) {}

  async execute({ principal, page }: ListMyNotificationsQuery): Promise<InboxPage> {
    const now = this.clock.now();
    const { subject } = principal;
    const principals = await principalsRepresentedBy(
      this.store,
      this.caseStatus,
      subject,
      'notifications',
      now,
    );
    return this.inbox.forAddressees([...new Set([subject, ...principals])], page, now);
  }
}
