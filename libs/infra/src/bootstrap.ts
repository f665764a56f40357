import { DynamicModule, ExceptionFilter, INestApplicationContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestLogger } from './logging/nest-logger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configOf, TypedConfig } from './infra.module';
import { hardenHttp } from './http/http-hardening';
import { HttpProblemFilter } from './http/http-problem.filter';
import { answerClientErrorsWithProblems } from './http/client-error';
import { AppName, httpMetrics } from './metrics/http-metrics';

export interface HttpAppOptions {
  /** The app's own mapping of errors to problem+json; by default HTTP errors only. */
  readonly filter?: ExceptionFilter;
}

/**
 * Builds a Nest HTTP app the way all of ours are built: pino logs, request metrics, the
 * HTTP hardening, problem+json errors, graceful shutdown.
 */
export async function createHttpApp(
  name: AppName,
  module: DynamicModule,
  options: HttpAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  useCommonSettings(app);
  app.use(httpMetrics(name));
  hardenHttp(app, configOf(app.get<TypedConfig>(ConfigService)));
  app.useGlobalFilters(options.filter ?? new HttpProblemFilter());
  answerClientErrorsWithProblems(app.getHttpServer());
  return app;
}

export function useCommonSettings(app: INestApplicationContext): void {
  app.useLogger(app.get(NestLogger));
  app.flushLogs();
}

/** Runs a standalone app's main, turning a start-up failure into one clear line and exit code 1. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
