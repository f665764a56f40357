import { EventStore } from '../event-store/event-store.port';
import { SqlExecutor } from '../sql/sql-client';
import { REBUILD_STALE_AFTER_SECONDS } from './shadow-rebuild';

/** Lag is counted up to this many events: beyond it the exact figure changes no decision. */
export const LAG_LIMIT = 1_000_000;

export type ProjectionState = 'live' | 'rebuilding' | 'failed';

export interface ProjectionStatus {
  readonly name: string;
  /** The checkpoint: position of the last event the live read model holds. */
  readonly position: number;
  readonly head: number;
  /** Events in the log after the checkpoint (up to LAG_LIMIT). */
  readonly lag: number;
  /** `failed`: the last rebuild failed or its process died; the live read model is still served. */
  readonly state: ProjectionState;
  /** When the checkpoint last moved; null for a read model that does not record it (MongoDB). */
  readonly updatedAt: Date | null;
  readonly rebuild: {
    readonly position: number;
    readonly applied: number;
    readonly startedAt: Date;
    readonly error: string | null;
  } | null;
}

/** What the status needs of a projection: its name and its checkpoint, wherever that is kept. */
export interface ProjectionCheckpoint {
  readonly name: string;
  checkpoint(): Promise<number>;
}

interface Row {
  name: string;
  updated_at: Date | null;
  rebuild_position: string | null;
  applied: string | null;
  started_at: Date | null;
  error: string | null;
  stale: boolean | null;
}

/** Every projection's checkpoint, lag behind the log head and state: `projections status`, /metrics. */
export async function projectionStatuses(
  sql: SqlExecutor,
  store: EventStore,
  projections: readonly ProjectionCheckpoint[],
): Promise<ProjectionStatus[]> {
  const names = projections.map((p) => p.name);
  const rows = await sql.query<Row>(
    `SELECT n.name, c.updated_at, r.position AS rebuild_position, r.applied, r.started_at, r.error,
            r.updated_at < now() - make_interval(secs => $2) AS stale
       FROM unnest($1::text[]) AS n(name)
       LEFT JOIN projection_checkpoints c ON c.name = n.name
       LEFT JOIN projection_rebuilds r ON r.name = n.name`,
    [names, REBUILD_STALE_AFTER_SECONDS],
  );
  const byName = new Map(rows.map((row) => [row.name, row]));
  const head = await store.head();
  return Promise.all(
    projections.map(async (projection) => {
      const row = byName.get(projection.name);
      const position = await projection.checkpoint();
      const lag = await store.countAfter(position, LAG_LIMIT);
      const rebuild =
        row?.started_at == null
          ? null
          : {
              position: Number(row.rebuild_position ?? 0),
              applied: Number(row.applied ?? 0),
              startedAt: new Date(row.started_at),
              error:
                row.error ?? (row.stale ? 'the rebuild stopped making progress (its process died?)' : null),
            };
      const state: ProjectionState = !rebuild ? 'live' : rebuild.error ? 'failed' : 'rebuilding';
      return {
        name: projection.name,
        position,
        head,
        lag,
        state,
        updatedAt: row?.updated_at ? new Date(row.updated_at) : null,
        rebuild,
      };
    }),
  );
}
