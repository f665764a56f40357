import { Controller, Get, Query as QueryParameters } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { Operation } from '../../openapi/operation.decorator';
import { ZodQuery } from '../../openapi/parameters';
import { inboxPage, inboxQuery } from './list-my-notifications.schema';
import { ListMyNotificationsQuery } from './list-my-notifications.handler';

@ApiTags('notifications')
@Roles('citizen')
@Controller('me/notifications')
export class ListMyNotificationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'listMyNotifications',
    summary: 'List my notifications',
    description:
      'Notifications addressed to you and to everyone whose notifications you manage by a power of attorney in force now, newest first, a page at a time (keyset cursor in `next`).',
    response: inboxPage,
    refusals: [
      { status: 400, codes: ['VALIDATION_FAILED'] },
      { status: 403, codes: ['FORBIDDEN_ROLE'] },
    ],
  })
  @ZodQuery(inboxQuery)
  mine(@QueryParameters() query: unknown, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListMyNotificationsQuery(principal, parseBody(inboxQuery, query)));
  }
}
