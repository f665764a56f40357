import { Module } from '@nestjs/common';
import { IdentityModule } from '@expediente/infra/identity/identity.module';
import { staffDirectoryProvider } from '@expediente/infra/staff/staff-directory.providers';
import { WebInfraModule } from '@expediente/infra/web/web.module';
import { STAFF_DIRECTORY } from '@expediente/infra/staff/staff-directory.port';
import { WebApi } from './api-client';
import { Sessions } from './session/sessions';

/** What every group of pages injects: the API client, sessions, the staff directory. Import it in your pages' module. */
@Module({
  imports: [IdentityModule, WebInfraModule],
  providers: [WebApi, Sessions, staffDirectoryProvider],
  exports: [WebApi, Sessions, STAFF_DIRECTORY, IdentityModule, WebInfraModule],
})
export class WebCoreModule {}
