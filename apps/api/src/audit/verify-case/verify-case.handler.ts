import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  LOG_INTEGRITY,
  LogIntegrity,
  VerificationReport,
} from '@expediente/infra/log-integrity/log-integrity.port';

export class VerifyCase extends Query<VerificationReport> {
  constructor(readonly caseId: string) {
    super();
  }
}

@QueryHandler(VerifyCase)
export class VerifyCaseHandler implements IQueryHandler<VerifyCase> {
  constructor(@Inject(LOG_INTEGRITY) private readonly integrity: LogIntegrity) {}

  execute({ caseId }: VerifyCase): Promise<VerificationReport> {
    return this.integrity.verifyCase(caseId);
  }
}
