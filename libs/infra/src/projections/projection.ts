import { StoredEvent } from '../event-store/event-store.port';
import { SqlExecutor } from '../sql/sql-client';

/**
 * A read model kept in SQL. `apply` runs inside the transaction that also advances the
 * projection's checkpoint, so an event is applied exactly once. Its statements name its
 * tables unqualified: a rebuild runs the same statements with a shadow schema first on the
 * search path (shadow-rebuild.ts), so `tables` must list every table the projection writes.
 */
export interface SqlProjection {
  readonly name: string;
  /** Every table the projection writes, and only those: what a rebuild fills afresh and swaps in. */
  readonly tables: readonly string[];
  apply(tx: SqlExecutor, event: StoredEvent): Promise<void>;
  /** Optional: applies a batch in fewer statements than one `apply` per event, to the same result. */
  applyBatch?(tx: SqlExecutor, events: readonly StoredEvent[]): Promise<void>;
}
