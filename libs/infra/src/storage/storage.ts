import { documentReadMigrations } from '../case-access/document-reads.migrations';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '../config/config.schema';
import { EventStore } from '../event-store/event-store.port';
import { SqlEventStore } from '../event-store/event-store.sql';
import { eventStoreMigrations } from '../event-store/event-store.migrations';
import { EventStoreDbEventStore } from '../event-store/event-store.eventstoredb';
import { Migration, migrate } from '../sql/migrations';
import { oneTimeCodeMigrations } from '../otp/one-time-codes.migrations';
import { registerMigrations } from '../register/register.migrations';
import { caseStatusMigrations } from '../case-status/case-status.migrations';
import { issuedDocumentMigrations } from '../verification/issued-documents.migrations';
import { reviewQueueMigrations } from '../review-queue/review-queue.migrations';
import { SqlClient } from '../sql/sql-client';
import { createPostgresClient } from '../sql/sql-client.postgres';
import { createPgliteClient } from '../sql/sql-client.pglite';
import { UpcasterRegistry } from '../event-store/upcasters';
import { projectionMigrations } from '../projections/projection.migrations';
import { outstandingEffectMigrations } from '../outbox/outstanding-effects';
import { auditActivityMigrations } from '../audit/audit-activity.migrations';
import { checkpointMigrations } from '../log-integrity/checkpoint.migrations';
import { CaseStatusReadModel } from '../case-status/case-status.port';
import { openCaseStatusReadModel } from '../case-status/case-status.factory';

/**
 * The storage a process runs on, chosen by configuration:
 * EVENTSTORE_URL → EventStoreDB; else DATABASE_URL → PostgreSQL; else embedded PGlite in DATA_DIR.
 * The SQL client (PostgreSQL or PGlite) also holds the outbox, and the read models unless
 * MONGODB_URL puts the citizen-status read model on MongoDB.
 */
export interface Storage {
  readonly eventStore: EventStore;
  readonly sql: SqlClient;
  readonly caseStatus: CaseStatusReadModel;
  /** What /health reports. */
  readonly description: { eventStore: EventStore['kind']; sql: SqlClient['kind']; location: string };
  close(): Promise<void>;
}

export const STORAGE = Symbol('STORAGE');

/** Every table the system owns, in one ordered list: a process always starts on the full schema. */
export const MIGRATIONS: readonly Migration[] = [
  ...eventStoreMigrations,
  ...projectionMigrations,
  ...oneTimeCodeMigrations,
  ...registerMigrations,
  ...caseStatusMigrations,
  ...reviewQueueMigrations,
  ...issuedDocumentMigrations,
  ...outstandingEffectMigrations,
  ...auditActivityMigrations,
  ...documentReadMigrations,
  ...checkpointMigrations,
];

export async function openStorage(
  config: AppConfig,
  options: { upcasters?: UpcasterRegistry } = {},
): Promise<Storage> {
  const sql = config.DATABASE_URL
    ? await createPostgresClient({ connectionString: config.DATABASE_URL, schema: config.DATABASE_SCHEMA })
    : await createPgliteClient({ dataDir: pgliteDir(config.DATA_DIR) });
  let caseStatus: CaseStatusReadModel | undefined;
  try {
    await migrate(sql, MIGRATIONS);
    caseStatus = await openCaseStatusReadModel(config, sql);
    const eventStore = config.EVENTSTORE_URL
      ? await EventStoreDbEventStore.connect(config.EVENTSTORE_URL, { upcasters: options.upcasters })
      : new SqlEventStore(sql, { upcasters: options.upcasters });
    const readModel = caseStatus;
    return {
      eventStore,
      sql,
      caseStatus: readModel,
      description: {
        eventStore: eventStore.kind,
        sql: sql.kind,
        location: config.DATABASE_URL ? redact(config.DATABASE_URL) : pgliteDir(config.DATA_DIR),
      },
      async close() {
        if (eventStore.kind === 'eventstoredb') await eventStore.close();
        await readModel.close();
        await sql.close();
      },
    };
  } catch (error) {
    await caseStatus?.close();
    await sql.close();
    throw error;
  }
}

function pgliteDir(dataDir: string): string {
  const dir = resolve(join(dataDir, 'pglite'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Connection strings carry passwords; logs and /health must not. */
export function redact(connectionString: string): string {
  return connectionString.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
