import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { BullBoardModule, BullBoardModuleOptions } from '@bull-board/nestjs';
import { ExpressAdapter } from '@bull-board/express';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { getQueueToken } from '@nestjs/bull-shared';
import { Redis } from 'ioredis';
import { TypedConfig } from '@expediente/infra/infra.module';
import { REDIS } from '@expediente/infra/queue/redis';
import { createQueue, QUEUES, QueueName } from '@expediente/infra/queue/queues';
import { IdentityModule } from '@expediente/infra/identity/identity.module';
import { IDENTITY_PROVIDER, IdentityProvider } from '@expediente/infra/identity/identity-provider.port';
import { OperatorOnlyMiddleware } from './operator-only.middleware';
import { DevOperatorSessionController } from './dev-operator-session.controller';

const names = Object.values(QUEUES) as QueueName[];

/**
 * The job queues for operators, at /queues: waiting, delayed, active and failed jobs (failed
 * ones are kept, never removed, so none goes unseen), with retry from the board.
 */
@Module({})
export class OperationsModule {
  static forRoot(): DynamicModule {
    return {
      module: OperationsModule,
      controllers: [DevOperatorSessionController],
      imports: [
        IdentityModule,
        BullBoardModule.forRootAsync({
          imports: [IdentityModule],
          inject: [IDENTITY_PROVIDER],
          useFactory: (identity: IdentityProvider): BullBoardModuleOptions => {
            const operatorOnly = new OperatorOnlyMiddleware(identity);
            return {
              route: '/queues',
              adapter: ExpressAdapter,
              middleware: operatorOnly.use.bind(operatorOnly),
            };
          },
        }),
        BullBoardModule.forFeature(...names.map((name) => ({ name, adapter: BullMQAdapter }))),
      ],
      providers: [
        ...names.map((name) => ({
          provide: getQueueToken(name),
          inject: [REDIS, ConfigService],
          useFactory: (redis: Redis, config: TypedConfig) =>
            createQueue(name, redis, config.get('QUEUE_PREFIX', { infer: true })),
        })),
      ],
      exports: names.map((name) => getQueueToken(name)),
    };
  }
}
