import { Module } from '@nestjs/common';
import { IdentityApiModule } from '../identity/identity-api.module';
import { SetNotificationPreferencesController } from './set-notification-preferences/set-notification-preferences.controller';
import { SetNotificationPreferencesHandler } from './set-notification-preferences/set-notification-preferences.handler';
import { ViewNotificationPreferencesController } from './view-notification-preferences/view-notification-preferences.controller';
import { ViewNotificationPreferencesHandler } from './view-notification-preferences/view-notification-preferences.handler';

/** A person's standing choices about how they are notified: today, paper copies or not. */
@Module({
  imports: [IdentityApiModule],
  controllers: [ViewNotificationPreferencesController, SetNotificationPreferencesController],
  providers: [ViewNotificationPreferencesHandler, SetNotificationPreferencesHandler],
})
export class PreferencesModule {}
