import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { isValidIdentityNumber, normaliseIdentityNumber, provinceFor } from '@expediente/domain';
import { BENEFIT_RECORDS, BenefitRecords } from '@expediente/infra/benefit-records/benefit-records.port';
import { AuthGuard } from '../identity/auth.guard';
import { Roles } from '../identity/roles.decorator';
import { line } from '@expediente/infra/validation/text';
import { parseBody } from '../problem/parse-body';
import { ZodBody } from '../problem/zod-body.decorator';

const record = z.object({
  subject: line(32)
    .transform(normaliseIdentityNumber)
    .refine(isValidIdentityNumber, 'must be a valid DNI or NIE'),
  benefitRequestRef: line(100),
  provinceCode: z.string().refine((code) => {
    try {
      return Boolean(provinceFor(code));
    } catch {
      return false;
    }
  }, 'must be a Spanish province code (INE, two digits)'),
  benefit: line(200),
  active: z.boolean(),
});
const importRequest = z.object({ records: z.array(record).min(1).max(10_000) });

/** Operators load which benefit requests are under evaluation (an external system's data, imported). */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(AuthGuard)
@Roles('operator')
@Controller('admin/benefit-records')
export class BenefitRecordsController {
  constructor(@Inject(BENEFIT_RECORDS) private readonly records: BenefitRecords) {}

  @Post()
  @HttpCode(200)
  @ZodBody(importRequest)
  async import(@Body() body: unknown) {
    const { records } = parseBody(importRequest, body);
    return { imported: await this.records.import(records) };
  }
}
