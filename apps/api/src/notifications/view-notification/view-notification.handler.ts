import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { VisibleNotifications } from '../notifications.shared';
import type { NotificationView } from './view-notification.schema';

export class ViewNotificationQuery extends Query<NotificationView> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
  ) {
    super();
  }
}

@QueryHandler(ViewNotificationQuery)
export class ViewNotificationHandler implements IQueryHandler<ViewNotificationQuery> {
  constructor(private readonly notifications: VisibleNotifications) {}

  execute({ principal, notificationId }: ViewNotificationQuery): Promise<NotificationView> {
    return this.notifications.view(principal, notificationId);
  }
}
