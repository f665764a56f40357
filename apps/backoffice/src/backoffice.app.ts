import { INestApplication } from '@nestjs/common';
import { InfraModuleOptions } from '@expediente/infra/infra.module';
import { createHttpApp } from '@expediente/infra/bootstrap';
import { BackofficeModule } from './backoffice.module';

export function createBackofficeApp(options: InfraModuleOptions = {}): Promise<INestApplication> {
  return createHttpApp('backoffice', BackofficeModule.forRoot(options));
}
