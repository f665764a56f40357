import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter } from '../../openapi/parameters';
import { NOTIFICATION_ID, NOT_VISIBLE } from '../notifications.refusals';
import { notificationView } from './view-notification.schema';
import { ViewNotificationQuery } from './view-notification.handler';

@ApiTags('notifications')
@Roles('citizen')
@Controller('notifications')
export class ViewNotificationController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Operation({
    operationId: 'viewNotification',
    summary: 'See a notification and where it stands',
    description:
      'What a notification is about, whether it holds special-category data, and its status (available, accessed, accepted, rejected or deemed rejected), with the last day to access it. Seeing it is not accessing it: it starts no clock and goes on no proof of delivery.',
    response: notificationView,
    refusals: NOT_VISIBLE,
  })
  @UuidPathParameter('id', NOTIFICATION_ID)
  view(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ViewNotificationQuery(principal, id));
  }
}
