import { DynamicModule, INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestLogger } from './logging/nest-logger';

/** Builds a Nest HTTP app the way all of ours are built: pino logs, graceful shutdown. */
export async function createHttpApp(module: DynamicModule): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  useCommonSettings(app);
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
