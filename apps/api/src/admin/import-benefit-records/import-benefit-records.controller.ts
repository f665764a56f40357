import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/roles.decorator';
import { Operation } from '../../openapi/operation.decorator';
import { parseBody } from '../../problem/parse-body';
import { ImportBenefitRecords } from './import-benefit-records.handler';
import { importBenefitRecordsRequest, importBenefitRecordsResponse } from './import-benefit-records.schema';

/** Operators load which benefit requests are under evaluation (an external system's data, imported). */
@ApiTags('admin')
@Roles('operator')
@Controller('admin/benefit-records')
export class ImportBenefitRecordsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Operation({
    operationId: 'importBenefitRecords',
    summary: 'Import benefit records',
    description:
      'Operators load which benefit requests are under evaluation in which INSS province (from the benefits system), so medical-report filings can be checked against them. Up to 10 000 records per request; a record already held is updated.',
    request: importBenefitRecordsRequest,
    response: importBenefitRecordsResponse,
    refusals: [{ status: 403, codes: ['FORBIDDEN_ROLE'] }],
  })
  importBenefitRecords(@Body() body: unknown) {
    return this.commands.execute(new ImportBenefitRecords(parseBody(importBenefitRecordsRequest, body)));
  }
}
