import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { VisiblePowers } from '../powers.shared';
import type { PowerView } from './view-power.schema';

export class ViewPowerQuery extends Query<PowerView> {
  constructor(
    readonly principal: Principal,
    readonly powerId: string,
  ) {
    super();
  }
}

@QueryHandler(ViewPowerQuery)
export class ViewPowerHandler implements IQueryHandler<ViewPowerQuery> {
  constructor(private readonly powers: VisiblePowers) {}

  execute({ principal, powerId }: ViewPowerQuery): Promise<PowerView> {
    return this.powers.view(principal, powerId);
  }
}
