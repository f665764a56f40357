import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter } from '../../openapi/parameters';
import { NOTIFICATION_ID, SIGNED_ANSWER } from '../notifications.refusals';
import { notificationView } from '../view-notification/view-notification.schema';
import { acceptanceRequest } from './accept-notification.schema';
import { AcceptNotificationCommand } from './accept-notification.handler';

@ApiTags('notifications')
@Roles('citizen')
@Controller('notifications')
export class AcceptNotificationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/acceptance')
  @Operation({
    operationId: 'acceptNotification',
    summary: 'Accept a notification (signed)',
    description:
      'Accepts the notification you opened, as a signature: Cl@ve permanente sends the SMS code from requestNotificationSigningCode, certificates sign directly. Every rule is checked before the code is spent, and the answer is recorded at the version they were checked on. Recorded with time and identity on the proof of delivery.',
    request: acceptanceRequest,
    response: notificationView,
    refusals: SIGNED_ANSWER,
  })
  @UuidPathParameter('id', NOTIFICATION_ID)
  accept(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commandBus.execute(
      new AcceptNotificationCommand(principal, id, parseBody(acceptanceRequest, body)),
    );
  }
}
