import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  CASE_STATUS_READ_MODEL,
  CaseStatusReadModel,
  type PowerRecord,
} from '@expediente/infra/case-status/case-status.port';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';

export class ListMyPowersQuery extends Query<readonly PowerRecord[]> {
  constructor(readonly principal: Principal) {
    super();
  }
}

@QueryHandler(ListMyPowersQuery)
export class ListMyPowersHandler implements IQueryHandler<ListMyPowersQuery> {
  constructor(@Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel) {}

  execute({ principal }: ListMyPowersQuery): Promise<readonly PowerRecord[]> {
    return this.readModel.powersOf(principal.subject);
  }
}
