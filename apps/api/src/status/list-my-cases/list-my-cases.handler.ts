import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import type { Language } from '@expediente/infra/case-status/messages/messages';
import { PresentedCase, presentCase } from '../status.language';
import type { MyCasesQuery } from './list-my-cases.schema';

type PresentedPage = { readonly items: readonly PresentedCase[]; readonly next: string | null };

export class ListMyCases extends Query<PresentedPage> {
  constructor(
    readonly principal: Principal,
    readonly page: Omit<MyCasesQuery, 'lang'>,
    readonly language: Language,
  ) {
    super();
  }
}

@QueryHandler(ListMyCases)
export class ListMyCasesHandler implements IQueryHandler<ListMyCases> {
  constructor(@Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel) {}

  async execute({ principal, page, language }: ListMyCases): Promise<PresentedPage> {
    const { items, next } = await this.readModel.myCases(principal.subject, page);
    return { items: items.map((item) => presentCase(item, language)), next };
  }
}
