import { Module } from '@nestjs/common';
import { IdentityApiModule } from '../identity/identity-api.module';
import { VisiblePowers } from './powers.shared';
import { GrantPowerController } from './grant-power/grant-power.controller';
import { GrantPowerHandler } from './grant-power/grant-power.handler';
import { ListMyPowersController } from './list-my-powers/list-my-powers.controller';
import { ListMyPowersHandler } from './list-my-powers/list-my-powers.handler';
import { AcceptPowerController } from './accept-power/accept-power.controller';
import { AcceptPowerHandler } from './accept-power/accept-power.handler';
import { RevokePowerController } from './revoke-power/revoke-power.controller';
import { RevokePowerHandler } from './revoke-power/revoke-power.handler';
import { ViewPowerController } from './view-power/view-power.controller';
import { ViewPowerHandler } from './view-power/view-power.handler';

/** Powers of attorney in their own streams: grant (principal), accept (proxy), revoke (principal), see. */
@Module({
  imports: [IdentityApiModule],
  controllers: [
    GrantPowerController,
    ListMyPowersController,
    AcceptPowerController,
    RevokePowerController,
    ViewPowerController,
  ],
  providers: [
    VisiblePowers,
    GrantPowerHandler,
    ListMyPowersHandler,
    AcceptPowerHandler,
    RevokePowerHandler,
    ViewPowerHandler,
  ],
})
export class PowersModule {}
