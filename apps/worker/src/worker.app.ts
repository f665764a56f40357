import { INestApplication } from '@nestjs/common';
import { InfraModuleOptions } from '@expediente/infra/infra.module';
import { createHttpApp } from '@expediente/infra/bootstrap';
import { WorkerModule } from './worker.module';

/** The worker serves only /health and /metrics over HTTP, so orchestrators can probe it like the others. */
export function createWorkerApp(options: InfraModuleOptions = {}): Promise<INestApplication> {
  return createHttpApp('worker', WorkerModule.forRoot(options));
}
