import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { NotificationPreferencesView, preferencesOf, viewOf } from '../preferences.shared';

export class ViewNotificationPreferences extends Query<NotificationPreferencesView> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(ViewNotificationPreferences)
export class ViewNotificationPreferencesHandler implements IQueryHandler<ViewNotificationPreferences> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal }: ViewNotificationPreferences): Promise<NotificationPreferencesView> {
    return viewOf(await preferencesOf(this.store, principal.subject));
  }
}
