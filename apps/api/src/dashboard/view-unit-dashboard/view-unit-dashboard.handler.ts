import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { ReviewQueue, UnitDashboard } from '@expediente/infra/review-queue/review-queue';
import { ownUnit } from '../dashboard.shared';

export class ViewUnitDashboard extends Query<UnitDashboard> {
  constructor(
    readonly principal: Principal,
    readonly unit: string,
  ) {
    super();
  }
}

@QueryHandler(ViewUnitDashboard)
export class ViewUnitDashboardHandler implements IQueryHandler<ViewUnitDashboard> {
  constructor(
    private readonly queue: ReviewQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ principal, unit }: ViewUnitDashboard): Promise<UnitDashboard> {
    return this.queue.dashboard(ownUnit(principal, unit), principal.subject, this.clock.now());
  }
}
