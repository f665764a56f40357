import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { decodeInboxCursor } from '@expediente/infra/review-queue/notification-inbox';
import { prose } from '@expediente/infra/validation/text';
import { Roles } from '../identity/roles.decorator';
import { CurrentPrincipal } from '../identity/current-principal.decorator';
import { parseBody } from '../problem/parse-body';
import { uuidParam } from '../problem/uuid-param';
import { NotificationsService } from './notifications.service';
import { ZodBody } from '../problem/zod-body.decorator';

const signingCode = z
  .string()
  .regex(/^\d{6}$/, 'must be the 6 digits sent by SMS')
  .optional();
const acceptanceRequest = z.object({ signingCode });
const rejectionRequest = z.object({ signingCode, reason: prose(2000).optional() });
const inboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z
    .string()
    .refine(
      (cursor) => decodeInboxCursor(cursor) !== undefined,
      'must be the "next" value of a previous page',
    )
    .optional(),
});

/** Electronic notifications for their addressees and proxies: open, read, accept or reject (signed). */
@ApiTags('notifications')
@Roles('citizen')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/notifications')
  mine(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return this.notifications.mine(principal, parseBody(inboxQuery, query));
  }

  @Get('notifications/:id')
  view(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.notifications.view(principal, id);
  }

  @Post('notifications/:id/access')
  @HttpCode(200)
  access(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.notifications.access(principal, id);
  }

  @Get('notifications/:id/document')
  async document(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ) {
    const { stream, size } = await this.notifications.document(principal, id);
    res.status(200).type('application/pdf');
    res.setHeader('Content-Length', String(size));
    res.setHeader('Content-Disposition', `inline; filename="notificacion-${id}.pdf"`);
    stream.pipe(res);
  }

  @Post('notifications/:id/signing-code')
  @HttpCode(202)
  requestSigningCode(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.notifications.requestSigningCode(principal, id);
  }

  @Post('notifications/:id/acceptance')
  @HttpCode(200)
  @ZodBody(acceptanceRequest)
  accept(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.notifications.respond(principal, id, 'accept', parseBody(acceptanceRequest, body));
  }

  @Post('notifications/:id/rejection')
  @HttpCode(200)
  @ZodBody(rejectionRequest)
  reject(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.notifications.respond(principal, id, 'reject', parseBody(rejectionRequest, body));
  }
}
