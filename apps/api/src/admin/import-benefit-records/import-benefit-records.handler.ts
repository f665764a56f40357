import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BENEFIT_RECORDS, BenefitRecords } from '@expediente/infra/benefit-records/benefit-records.port';
import type { BenefitRecordsImport } from './import-benefit-records.schema';

export class ImportBenefitRecords extends Command<{ imported: number }> {
  constructor(readonly request: BenefitRecordsImport) {
    super();
  }
}

@CommandHandler(ImportBenefitRecords)
export class ImportBenefitRecordsHandler implements ICommandHandler<ImportBenefitRecords> {
  constructor(@Inject(BENEFIT_RECORDS) private readonly records: BenefitRecords) {}

  async execute({ request }: ImportBenefitRecords) {
    return { imported: await this.records.import(request.records) };
  }
}
