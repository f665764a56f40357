import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { CasesController } from './cases.controller';
import { InformationController } from './information.controller';
import { NotificationsController } from './notifications.controller';
import { PowersController } from './powers.controller';
import { PublicPagesController } from './public.controller';
import { SettingsController } from './settings.controller';

/** Following a case and everything after filing: cases, answers, notifications, powers, settings; /verify and /accessibility. */
@Module({
  imports: [WebCoreModule],
  controllers: [
    CasesController,
    InformationController,
    NotificationsController,
    PowersController,
    SettingsController,
    PublicPagesController,
  ],
})
export class CitizenCasesModule {}
