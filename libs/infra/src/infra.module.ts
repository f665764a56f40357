import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationShutdown,
  RequestMethod,
} from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { Redis } from 'ioredis';
import type { DestinationStream } from 'pino';
import { AppConfig, configSchema, loadConfig } from './config/config.schema';
import { EVENT_STORE } from './event-store/event-store.port';
import { LOG_INTEGRITY } from './log-integrity/log-integrity.port';
import { openLogIntegrity } from './log-integrity/log-integrity.factory';
import { createRedis, REDIS } from './queue/redis';
import { openStorage, Storage, STORAGE } from './storage/storage';
import { SQL_CLIENT } from './sql/sql-client';
import { BLOB_STORE } from './blobs/blob-store.port';
import { CLOCK, processClock } from './clock/clock';
import { DEADLINE_RULES, loadDeadlineRules } from './deadlines/deadline-rules';
import { LocalDiskBlobStore } from './blobs/blob-store.local';
import { CASE_STATUS_READ_MODEL } from './case-status/case-status.port';
import { loggerParams } from './logging/logger-params';
import { bindCorrelationId } from './logging/correlation';
import { NestLogger } from './logging/nest-logger';

export type TypedConfig = ConfigService<AppConfig, true>;

export interface InfraModuleOptions {
  /** A storage opened by the caller and shared by several apps in one process (npm start); it closes it. */
  readonly storage?: Storage;
  /** Where the logs go instead of stdout (the tests read them back). */
  readonly logDestination?: DestinationStream;
}

@Injectable()
class InfraLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject('OWNS_STORAGE') private readonly ownsStorage: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    if (this.ownsStorage) await this.storage.close();
  }
}

/** Configuration, logging, storage, blobs and Redis for every app: the one place adapters are chosen. */
@Global()
@Module({})
export class InfraModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(bindCorrelationId).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }

  static forRoot(options: InfraModuleOptions = {}): DynamicModule {
    return {
      module: InfraModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: loadConfig }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: TypedConfig) =>
            loggerParams({
              level: config.get('LOG_LEVEL', { infer: true }),
              nodeEnv: config.get('NODE_ENV', { infer: true }),
              destination: options.logDestination,
            }),
        }),
      ],
      providers: [
        options.storage
          ? { provide: STORAGE, useValue: options.storage }
          : {
              provide: STORAGE,
              inject: [ConfigService],
              useFactory: (config: TypedConfig) => openStorage(configOf(config)),
            },
        { provide: 'OWNS_STORAGE', useValue: !options.storage },
        { provide: EVENT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.eventStore },
        { provide: SQL_CLIENT, inject: [STORAGE], useFactory: (storage: Storage) => storage.sql },
        {
          provide: CASE_STATUS_READ_MODEL,
          inject: [STORAGE],
          useFactory: (storage: Storage) => storage.caseStatus,
        },
        {
          provide: REDIS,
          inject: [ConfigService],
          useFactory: (config: TypedConfig) => createRedis(config.get('REDIS_URL', { infer: true })),
        },
        {
          provide: BLOB_STORE,
          inject: [ConfigService],
          useFactory: (config: TypedConfig) =>
            LocalDiskBlobStore.inDataDir(config.get('DATA_DIR', { infer: true })),
        },
        { provide: CLOCK, useValue: processClock },
        {
          provide: DEADLINE_RULES,
          inject: [ConfigService],
          useFactory: (config: TypedConfig) => loadDeadlineRules(configOf(config)),
        },
        {
          provide: LOG_INTEGRITY,
          inject: [ConfigService, STORAGE],
          useFactory: (config: TypedConfig, storage: Storage) =>
            openLogIntegrity(configOf(config), storage, () => processClock.now()),
        },
        InfraLifecycle,
        NestLogger,
      ],
      exports: [
        NestLogger,
        STORAGE,
        EVENT_STORE,
        SQL_CLIENT,
        CASE_STATUS_READ_MODEL,
        REDIS,
        BLOB_STORE,
        CLOCK,
        DEADLINE_RULES,
        LOG_INTEGRITY,
      ],
    };
  }
}

/** The validated settings as one object, for code outside Nest's injector (adapters, scripts). */
export function configOf(config: TypedConfig): AppConfig {
  const keys = Object.keys(configSchema.shape) as (keyof AppConfig)[];
  return Object.fromEntries(keys.map((key) => [key, config.get(key, { infer: true })])) as AppConfig;
}
