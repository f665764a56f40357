import { Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { SIGNING_CODE_REFUSALS, signingCodeSent } from '../../identity/signing-code.schema';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter } from '../../openapi/parameters';
import { NOTIFICATION_ID, NOT_ANSWERABLE } from '../notifications.refusals';
import { RequestNotificationSigningCodeCommand } from './request-notification-signing-code.handler';

@ApiTags('notifications')
@Roles('citizen')
@Controller('notifications')
export class RequestNotificationSigningCodeController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/signing-code')
  @Operation({
    operationId: 'requestNotificationSigningCode',
    summary: 'Get an SMS code to sign my answer',
    description:
      'For Cl@ve permanente: sends a one-time code by SMS to your registered mobile, to sign the acceptance or rejection of this notification. Sent only if the answer would otherwise be accepted; certificates and Cl@ve móvil sign without one (409 SIGNING_CODE_NOT_NEEDED). No body.',
    status: 202,
    response: signingCodeSent,
    refusals: [...NOT_ANSWERABLE, ...SIGNING_CODE_REFUSALS],
  })
  @UuidPathParameter('id', NOTIFICATION_ID)
  requestSigningCode(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.commandBus.execute(new RequestNotificationSigningCodeCommand(principal, id));
  }
}
