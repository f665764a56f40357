import { Module } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { NotificationInbox } from '@expediente/infra/review-queue/notification-inbox';
import { IdentityApiModule } from '../identity/identity-api.module';
import { VisibleNotifications } from './notifications.shared';
import { ListMyNotificationsController } from './list-my-notifications/list-my-notifications.controller';
import { ListMyNotificationsHandler } from './list-my-notifications/list-my-notifications.handler';
import { ViewNotificationController } from './view-notification/view-notification.controller';
import { ViewNotificationHandler } from './view-notification/view-notification.handler';
import { AccessNotificationController } from './access-notification/access-notification.controller';
import { AccessNotificationHandler } from './access-notification/access-notification.handler';
import { ReadNotificationDocumentController } from './read-notification-document/read-notification-document.controller';
import { ReadNotificationDocumentHandler } from './read-notification-document/read-notification-document.handler';
import { RequestNotificationSigningCodeController } from './request-notification-signing-code/request-notification-signing-code.controller';
import { RequestNotificationSigningCodeHandler } from './request-notification-signing-code/request-notification-signing-code.handler';
import { AcceptNotificationController } from './accept-notification/accept-notification.controller';
import { AcceptNotificationHandler } from './accept-notification/accept-notification.handler';
import { RejectNotificationController } from './reject-notification/reject-notification.controller';
import { RejectNotificationHandler } from './reject-notification/reject-notification.handler';

/** Electronic notifications for their addressees and proxies: list, see, open, read, and answer signed. */
@Module({
  imports: [IdentityApiModule],
  controllers: [
    ListMyNotificationsController,
    ViewNotificationController,
    AccessNotificationController,
    ReadNotificationDocumentController,
    RequestNotificationSigningCodeController,
    AcceptNotificationController,
    RejectNotificationController,
  ],
  providers: [
    VisibleNotifications,
    ListMyNotificationsHandler,
    ViewNotificationHandler,
    AccessNotificationHandler,
    ReadNotificationDocumentHandler,
    RequestNotificationSigningCodeHandler,
    AcceptNotificationHandler,
    RejectNotificationHandler,
    {
      provide: NotificationInbox,
      inject: [SQL_CLIENT],
      useFactory: (sql: SqlClient) => new NotificationInbox(sql),
    },
  ],
})
export class NotificationsModule {}
