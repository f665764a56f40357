import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { parseBody } from '../../problem/parse-body';
import { notificationPreferencesView } from '../preferences.shared';
import { SetNotificationPreferences } from './set-notification-preferences.handler';
import { setNotificationPreferencesRequest } from './set-notification-preferences.schema';

@ApiTags('notification preferences')
@Roles('citizen')
@Controller('me/notification-preferences')
export class SetNotificationPreferencesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put()
  @Operation({
    operationId: 'setNotificationPreferences',
    summary: 'Opt out of (or back into) paper copies of my notifications',
    description:
      'A standing choice for every case addressed to you, whatever each filing said: with `paperCopies: false` no resolution is posted on paper any more, only notified in the electronic office. Saying again what is already so records nothing.',
    request: setNotificationPreferencesRequest,
    response: notificationPreferencesView,
    refusals: [{ status: 403, codes: ['FORBIDDEN_ROLE', 'NOT_YOUR_PREFERENCES'] }],
  })
  set(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.commandBus.execute(
      new SetNotificationPreferences(principal, parseBody(setNotificationPreferencesRequest, body)),
    );
  }
}
