import { StoredEvent } from '../event-store/event-store.port';
import { SqlExecutor } from '../sql/sql-client';

/**
 * A read model kept in SQL. `apply` runs inside the transaction that also
 * advances the projection's checkpoint, so an event is applied exactly once.
 */
export interface SqlProjection {
  readonly name: string;
  apply(tx: SqlExecutor, event: StoredEvent): Promise<void>;
  /** Empties the read model, for a rebuild from position zero. */
  reset(tx: SqlExecutor): Promise<void>;
}
