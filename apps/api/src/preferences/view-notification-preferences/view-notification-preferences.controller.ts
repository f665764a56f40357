import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { notificationPreferencesView } from '../preferences.shared';
import { ViewNotificationPreferences } from './view-notification-preferences.handler';

@ApiTags('notification preferences')
@Roles('citizen')
@Controller('me/notification-preferences')
export class ViewNotificationPreferencesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'viewNotificationPreferences',
    summary: 'Whether I get paper copies of my notifications',
    description: 'Your standing choice about paper copies, read from its own stream.',
    response: notificationPreferencesView,
    refusals: [{ status: 403, codes: ['FORBIDDEN_ROLE'] }],
  })
  view(@CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ViewNotificationPreferences(principal));
  }
}
