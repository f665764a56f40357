import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter } from '../../openapi/parameters';
import { NOTIFICATION_ID, NOT_OPENABLE } from '../notifications.refusals';
import { notificationView } from '../view-notification/view-notification.schema';
import { AccessNotificationCommand } from './access-notification.handler';

@ApiTags('notifications')
@Roles('citizen')
@Controller('notifications')
export class AccessNotificationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/access')
  @Operation({
    operationId: 'accessNotification',
    summary: 'Open a notification',
    description:
      'Records that you opened it, with the time, your identity and level of assurance, and on whose behalf (proof of delivery); the first access stops the ten-day clock. A proxy needs a power in force for notifications and an electronic certificate; special-category notifications open only with a certificate or Cl@ve permanente. No body.',
    response: notificationView,
    refusals: NOT_OPENABLE,
  })
  @UuidPathParameter('id', NOTIFICATION_ID)
  access(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.commandBus.execute(new AccessNotificationCommand(principal, id));
  }
}
