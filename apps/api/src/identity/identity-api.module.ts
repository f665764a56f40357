import { Module } from '@nestjs/common';
import { IdentityModule } from '@expediente/infra/identity/identity.module';
import { AuthGuard } from './auth.guard';
import { DevelopmentOnlyGuard } from './development-only.guard';
import { DevIdentityController } from './dev-identity.controller';
import { DevClockController } from './dev-clock.controller';
import { SigningCodeService } from './signing-code.service';
import { SignedCommands } from '../commands/signed-command';
import { RateLimitModule } from '../rate-limit/rate-limit.module';

/**
 * Authentication for the API: the guard other controllers use, the signing code, the dev login,
 * and the abuse limits both the login and the signing code are held to.
 */
@Module({
  imports: [IdentityModule, RateLimitModule],
  controllers: [DevIdentityController, DevClockController],
  providers: [AuthGuard, DevelopmentOnlyGuard, SigningCodeService, SignedCommands],
  exports: [AuthGuard, SigningCodeService, SignedCommands],
})
export class IdentityApiModule {}
