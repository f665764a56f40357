import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { normaliseIdentityNumber } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { QueuePage, ReviewQueue } from '@expediente/infra/review-queue/review-queue';
import { ownUnit } from '../dashboard.shared';
import type { ListUnitCasesQuery } from './list-unit-cases.schema';

export class ListUnitCases extends Query<QueuePage> {
  constructor(
    readonly principal: Principal,
    readonly unit: string,
    readonly query: ListUnitCasesQuery,
  ) {
    super();
  }
}

/** A page of the unit's cases, soonest due first (no running deadline last), by keyset. */
@QueryHandler(ListUnitCases)
export class ListUnitCasesHandler implements IQueryHandler<ListUnitCases> {
  constructor(
    private readonly queue: ReviewQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ principal, unit, query }: ListUnitCases): Promise<QueuePage> {
    const { status, procedure, province, reviewer, overdue, limit, cursor } = query;
    return this.queue.cases(
      ownUnit(principal, unit),
      {
        status,
        procedure,
        provinceCode: province,
        reviewerId: reviewer === 'me' ? principal.subject : reviewer && normaliseIdentityNumber(reviewer),
        overdue: overdue === 'true',
      },
      { limit, cursor },
      this.clock.now(),
    );
  }
}
