import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { join, resolve } from 'node:path';
import type { TypedConfig } from '../infra.module';
import { OneTimeCodes } from '../otp/one-time-codes';
import { LocalSmsGateway } from '../sms/sms.local';
import { SMS_GATEWAY, SMS_OUTBOX } from '../sms/sms.port';
import { SqlClient, SQL_CLIENT } from '../sql/sql-client';
import { IDENTITY_PROVIDER } from './identity-provider.port';
import { LocalIdentityProvider } from './identity-provider.local';

/**
 * Identity, one-time codes and SMS for every app. Only local adapters exist so far: a real Cl@ve
 * bridge or SMS provider replaces the IDENTITY_PROVIDER / SMS_GATEWAY bindings here and nothing else.
 * Needs InfraModule (SQL_CLIENT, ConfigService) and the `oneTimeCodeMigrations` applied by openStorage.
 */
@Global()
@Module({
  providers: [
    {
      provide: IDENTITY_PROVIDER,
      inject: [ConfigService],
      useFactory: (config: TypedConfig) =>
        LocalIdentityProvider.create({
          keys: { dir: resolve(join(config.get('DATA_DIR', { infer: true }), 'keys')) },
        }),
    },
    {
      provide: OneTimeCodes,
      inject: [SQL_CLIENT, ConfigService],
      useFactory: (sql: SqlClient, config: TypedConfig) =>
        new OneTimeCodes(sql, undefined, config.get('SIGNING_CODE_WRONG_GUESSES', { infer: true })),
    },
    // The dev endpoints read the inbox, which is not part of the port: both names reach one instance.
    { provide: LocalSmsGateway, useFactory: () => new LocalSmsGateway() },
    { provide: SMS_GATEWAY, useExisting: LocalSmsGateway },
    { provide: SMS_OUTBOX, useExisting: LocalSmsGateway },
  ],
  exports: [IDENTITY_PROVIDER, OneTimeCodes, SMS_GATEWAY, SMS_OUTBOX],
})
export class IdentityModule {}
