import { INestApplication } from '@nestjs/common';
import cookieParser from 'cookie-parser';
import express from 'express';
import { join } from 'node:path';
import { InfraModuleOptions } from '@expediente/infra/infra.module';
import { createHttpApp } from '@expediente/infra/bootstrap';
import { publiclyCacheable } from '@expediente/infra/http/http-hardening';
import { BackofficeModule } from './backoffice.module';
import { WebErrorFilter } from './web/web-error.filter';

export async function createBackofficeApp(options: InfraModuleOptions = {}): Promise<INestApplication> {
  const app = await createHttpApp('backoffice', BackofficeModule.forRoot(options), {
    filter: new WebErrorFilter(),
  });
  app.use(cookieParser());
  publiclyCacheable(app, '/assets', 3600);
  app.use('/assets', express.static(join(__dirname, 'web', 'assets'), { fallthrough: false, index: false }));
  return app;
}
