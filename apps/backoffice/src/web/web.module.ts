import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { IdentityModule } from '@expediente/infra/identity/identity.module';
import { staffDirectoryProvider } from '@expediente/infra/staff/staff-directory.providers';
import { WebInfraModule } from '@expediente/infra/web/web.module';
import { WebApi } from './api-client';
import { HomeController } from './home/home.controller';
import { LoginController } from './login/login.controller';
import { Sessions } from './session/sessions';
import { WebContextMiddleware } from './web-context.middleware';

/**
 * The pages for citizens, medical-unit staff, auditors and operators: server-rendered,
 * in es/ca/en, every form CSRF-protected, reaching the system only through the API.
 * Each group of pages adds its controllers here.
 */
@Module({
  imports: [IdentityModule, WebInfraModule],
  providers: [WebApi, Sessions, staffDirectoryProvider],
  controllers: [HomeController, LoginController],
  exports: [WebApi, Sessions],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebContextMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
