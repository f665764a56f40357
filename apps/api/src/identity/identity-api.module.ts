import { Module } from '@nestjs/common';
import { IdentityModule } from '@expediente/infra/identity/identity.module';
import { AuthGuard } from './auth.guard';
import { DevelopmentOnlyGuard } from './development-only.guard';
import { DevIdentityController } from './dev-identity.controller';
import { DevClockController } from './dev-clock.controller';
import { SigningCodeService } from './signing-code.service';

/** Authentication for the API: the guard other controllers use, the signing code, the dev login. */
@Module({
  imports: [IdentityModule],
  controllers: [DevIdentityController, DevClockController],
  providers: [AuthGuard, DevelopmentOnlyGuard, SigningCodeService],
  exports: [AuthGuard, SigningCodeService],
})
export class IdentityApiModule {}
