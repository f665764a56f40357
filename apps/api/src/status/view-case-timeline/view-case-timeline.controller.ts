import { Controller, Get, Headers, Param, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { uuidParam } from '../../problem/uuid-param';
import { caseReadRefusals } from '../status.shared';
import { chosenLanguage, LanguageParams, languageRefusal } from '../status.language';
import { ViewCaseTimeline } from './view-case-timeline.handler';

const timeline = z.array(
  z.object({
    at: z.iso.datetime().meta({ example: '2026-03-02T09:15:00.000Z' }),
    kind: z.string().meta({ description: 'The event behind the entry.', example: 'ReportsSubmitted' }),
    text: z.string().meta({
      description: 'In the language asked for (lang, Accept-Language; es by default).',
      example: 'Filed in the electronic register with number 2026/000042.',
    }),
  }),
);

@ApiTags('status')
@UseGuards(AuthGuard)
@Controller('cases')
export class ViewCaseTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId/timeline')
  @Operation({
    operationId: 'viewCaseTimeline',
    summary: 'Every step of a case, in plain language',
    description:
      'What happened to the case and when, filing, review and notification, in the order it happened, as the citizen reads it in es, ca or en (never a reviewer’s name).',
    response: timeline,
    refusals: [...caseReadRefusals, languageRefusal],
  })
  @LanguageParams()
  viewCaseTimeline(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Query() query: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.queries.execute(
      new ViewCaseTimeline(principal, caseId, chosenLanguage(query, acceptLanguage)),
    );
  }
}
