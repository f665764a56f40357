import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { CitizenFilingPagesModule } from './citizen-filing/citizen-filing.module';
import { AuditPagesModule } from './audit/audit.module';
import { HomeController } from './home/home.controller';
import { LoginController } from './login/login.controller';
import { CitizenCasesModule } from './citizen-cases/citizen-cases.module';
import { OperatorPagesModule } from './operator/operator.module';
import { SupervisorPagesModule } from './supervisor/supervisor.module';
import { StaffReviewerPagesModule } from './staff/staff.module';
import { WebContextMiddleware } from './web-context.middleware';
import { WebCoreModule } from './web-core.module';

/**
 * The pages for citizens, medical-unit staff, auditors and operators: server-rendered,
 * in es/ca/en, every form CSRF-protected, reaching the system only through the API.
 * Each group of pages is a module of its own (importing WebCoreModule), listed here.
 */
@Module({
  imports: [
    WebCoreModule,
    OperatorPagesModule,
    SupervisorPagesModule,
    CitizenFilingPagesModule,
    CitizenCasesModule,
    StaffReviewerPagesModule,
    AuditPagesModule,
  ],
  controllers: [HomeController, LoginController],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebContextMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
