import { Module } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { NotificationInbox } from '@expediente/infra/review-queue/notification-inbox';
import { IdentityApiModule } from '../identity/identity-api.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [IdentityApiModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    {
      provide: NotificationInbox,
      inject: [SQL_CLIENT],
      useFactory: (sql: SqlClient) => new NotificationInbox(sql),
    },
  ],
})
export class NotificationsApiModule {}
