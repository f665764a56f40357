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
import { rejectionRequest } from './reject-notification.schema';
import { RejectNotificationCommand } from './reject-notification.handler';

@ApiTags('notifications')
@Roles('citizen')
@Controller('notifications')
export class RejectNotificationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/rejection')
  @Operation({
    operationId: 'rejectNotification',
    summary: 'Reject a notification (signed)',
    description:
      'Rejects the notification you opened, optionally saying why, as a signature: Cl@ve permanente sends the SMS code from requestNotificationSigningCode, certificates sign directly. Every rule is checked before the code is spent; the procedure goes on (Law 39/2015 art. 41.5). Recorded with time and identity on the proof of delivery.',
    request: rejectionRequest,
    response: notificationView,
    refusals: SIGNED_ANSWER,
  })
  @UuidPathParameter('id', NOTIFICATION_ID)
  reject(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.commandBus.execute(
      new RejectNotificationCommand(principal, id, parseBody(rejectionRequest, body)),
    );
  }
}
