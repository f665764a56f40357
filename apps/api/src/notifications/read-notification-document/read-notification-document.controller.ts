import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { Operation } from '../../openapi/operation.decorator';
import { UuidPathParameter } from '../../openapi/parameters';
import { NOTIFICATION_ID, NOT_VISIBLE } from '../notifications.refusals';
import { ReadNotificationDocumentQuery } from './read-notification-document.handler';

@ApiTags('notifications')
@Roles('citizen')
@Controller('notifications')
export class ReadNotificationDocumentController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/document')
  @Operation({
    operationId: 'readNotificationDocument',
    summary: 'Download the notified document',
    description:
      'The PDF the notification notifies (e.g. a resolution). Judged on the session asking now, by the same rule as opening it, and only once you opened the notification yourself, so that your access is on the proof of delivery before you read the content.',
    response: { contentType: 'application/pdf', description: 'The notified document.' },
    refusals: [
      ...NOT_VISIBLE,
      { status: 403, codes: ['LEVEL_OF_ASSURANCE_TOO_LOW'] },
      { status: 409, codes: ['NOTIFICATION_NOT_ACCESSED'] },
    ],
  })
  @UuidPathParameter('id', NOTIFICATION_ID)
  async document(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res() res: Response,
  ) {
    const { stream, size } = await this.queryBus.execute(new ReadNotificationDocumentQuery(principal, id));
    res.status(200).type('application/pdf');
    res.setHeader('Content-Length', String(size));
    res.setHeader('Content-Disposition', `inline; filename="notificacion-${id}.pdf"`);
    stream.pipe(res);
  }
}
