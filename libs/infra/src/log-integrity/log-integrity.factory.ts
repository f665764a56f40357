import { AppConfig } from '../config/config.schema';
import { loadOrCreateSeal } from '../seal/seal';
import { Storage } from '../storage/storage';
import { localTimeStampAuthority } from '../timestamp/timestamp-authority.local';
import { LogIntegrity } from './log-integrity.port';
import { SqlLogIntegrity } from './log-integrity.sql';

/**
 * The log's tamper evidence for this configuration: sealed with the server's seal in DATA_DIR,
 * time-stamped by the authority TIMESTAMP_AUTHORITY names. The SQL event store only: EventStoreDB
 * keeps its own log, which these checkpoints do not cover.
 */
export function openLogIntegrity(config: AppConfig, storage: Storage, clock: () => Date): LogIntegrity {
  if (storage.eventStore.kind === 'eventstoredb') return unavailable;
  const tsa =
    config.TIMESTAMP_AUTHORITY === 'local' ? localTimeStampAuthority(config.DATA_DIR, clock) : undefined;
  return new SqlLogIntegrity(storage.sql, loadOrCreateSeal(config.DATA_DIR), tsa, {
    clock,
    checkpointEvents: config.LOG_CHECKPOINT_EVENTS,
  });
}

const refuse = (): Promise<never> =>
  Promise.reject(
    new Error('Log checkpoints and verification cover the SQL event store; EVENTSTORE_URL is set'),
  );

const unavailable: LogIntegrity = {
  batchSize: 0,
  sealPending: refuse,
  pending: refuse,
  verifyLog: refuse,
  verifyCase: refuse,
};
