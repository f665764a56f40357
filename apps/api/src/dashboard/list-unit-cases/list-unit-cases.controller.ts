import { applyDecorators, Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { Roles } from '../../identity/roles.decorator';
import { CurrentPrincipal } from '../../identity/current-principal.decorator';
import { parseBody } from '../../problem/parse-body';
import { Operation } from '../../openapi/operation.decorator';
import { jsonSchemaOf } from '../../openapi/json-schema';
import { UNIT_REFUSALS } from '../dashboard.shared';
import { ListUnitCases } from './list-unit-cases.handler';
import { listUnitCasesQuery, listUnitCasesResponse } from './list-unit-cases.schema';

/** Each query parameter, described from the schema that validates it. */
const QueryParameters = () =>
  applyDecorators(
    ...Object.entries(listUnitCasesQuery.shape).map(([name, schema]) =>
      ApiQuery({ name, required: false, schema: jsonSchemaOf(schema, 'input') }),
    ),
  );

@ApiTags('dashboard')
@Roles('supervisor', 'reviewer')
@Controller('units/:unit/cases')
export class ListUnitCasesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Operation({
    operationId: 'listUnitCases',
    summary: "List a medical unit's cases",
    description:
      'The unit’s cases, soonest due first (cases with no running deadline last), filtered by status, procedure, province, reviewer ("me" for the caller) ' +
      'or overdue, a page at a time: pass the previous page’s `next` as `cursor`.',
    response: listUnitCasesResponse,
    refusals: [
      ...UNIT_REFUSALS,
      { status: 400, codes: ['VALIDATION_FAILED'] },
      { status: 422, codes: ['UNSAFE_TEXT'] },
    ],
  })
  @QueryParameters()
  cases(@Param('unit') unit: string, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListUnitCases(principal, unit, parseBody(listUnitCasesQuery, query)));
  }
}
