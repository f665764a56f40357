import { Controller, Get, Headers, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { AuthGuard } from '../../identity/auth.guard';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { parseBody } from '../../problem/parse-body';
import { languageOf } from '@expediente/infra/case-status/messages/messages';
import { LanguageParams } from '../status.language';
import { ListMyCases } from './list-my-cases.handler';
import { myCasesPage, myCasesQuery } from './list-my-cases.schema';

@ApiTags('status')
@UseGuards(AuthGuard)
@Controller('me/cases')
export class ListMyCasesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'listMyCases',
    summary: 'List my cases',
    description:
      'The cases the caller filed or that concern them, most recently changed first, a page at a time (keyset cursor).',
    response: myCasesPage,
    refusals: [{ status: 400, codes: ['VALIDATION_FAILED'] }],
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  })
  @ApiQuery({
    name: 'before',
    required: false,
    description: 'The `next` of the previous page.',
    schema: { type: 'string' },
  })
  @LanguageParams()
  listMyCases(
    @CurrentPrincipal() principal: Principal,
    @Query() query: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    const { lang, ...page } = parseBody(myCasesQuery, query);
    return this.queries.execute(new ListMyCases(principal, page, lang ?? languageOf(acceptLanguage)));
  }
}
