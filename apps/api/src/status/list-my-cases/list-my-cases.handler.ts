import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import {
  CASE_STATUS_READ_MODEL,
  CasePage,
  CaseStatusReadModel,
} from '@expediente/infra/case-status/case-status.port';
import type { MyCasesQuery } from './list-my-cases.schema';

export class ListMyCases extends Query<CasePage> {
  constructor(
    readonly principal: Principal,
    readonly page: MyCasesQuery,
  ) {
    super();
  }
}

@QueryHandler(ListMyCases)
export class ListMyCasesHandler implements IQueryHandler<ListMyCases> {
  constructor(@Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel) {}

  execute({ principal, page }: ListMyCases): Promise<CasePage> {
    return this.readModel.myCases(principal.subject, page);
  }
}
