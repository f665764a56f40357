import type { StoredEvent } from '../event-store/event-store.port';
import type { SqlProjection } from '../projections/projection';
import type { Migration } from '../sql/migrations';
import type { SqlExecutor } from '../sql/sql-client';
import type { QueueName } from '../queue/queues';

/**
 * One effect outside the log that an event asks for, and the job that brings it about.
 * `effect` + `key` name it (e.g. `receipt` of case X): a later request for the same effect
 * replaces the earlier one, and the event that fulfils it names it the same way.
 */
export interface EffectRequest {
  readonly effect: string;
  readonly key: string;
  readonly queue: QueueName;
  /** The job's name; its id is `${cause event id}-${name}`, so enqueueing it again adds nothing. */
  readonly name: string;
  readonly data: Record<string, unknown>;
  /** Work that falls due later (a deadline): the job waits in Redis until then. */
  readonly dueAt?: Date;
}

export interface EffectRef {
  readonly effect: string;
  readonly key: string;
}

/** What one event asks for, and which outstanding effects it shows done. */
export interface EventEffects {
  readonly requests: readonly EffectRequest[];
  readonly fulfils: readonly EffectRef[];
}

export type EffectsOf = (event: StoredEvent) => EventEffects;

/** An effect asked for and not yet seen done, as the reconciler reads it. */
export interface OutstandingEffect extends EffectRequest {
  readonly causeEventId: string;
  readonly requestedAt: Date;
}

export const jobIdOf = (effect: { causeEventId: string; name: string }): string =>
  `${effect.causeEventId}-${effect.name}`;

export const outstandingEffectMigrations: readonly Migration[] = [
  {
    id: '060_outstanding_effects',
    sql: `CREATE TABLE outstanding_effects (
            effect text NOT NULL,
            key text NOT NULL,
            cause_event_id text NOT NULL,
            queue text NOT NULL,
            name text NOT NULL,
            data jsonb NOT NULL,
            due_at timestamptz,
            requested_at timestamptz NOT NULL,
            PRIMARY KEY (effect, key)
          )`,
  },
];

/**
 * Every effect the log asks for and does not yet show done: a row appears with the event that
 * asks for it and goes with the event that fulfils it, in the transaction that advances the
 * checkpoint. So the table holds only what is outstanding (it does not grow with the log), and
 * the reconciler reads it instead of the log. Both writes are idempotent: a replay changes nothing.
 */
export const outstandingEffectsProjection = (effectsOf: EffectsOf): SqlProjection => ({
  name: 'outstanding-effects',
  tables: ['outstanding_effects'],
  async apply(tx, event) {
    const { requests, fulfils } = effectsOf(event);
    for (const done of fulfils) {
      await tx.query('DELETE FROM outstanding_effects WHERE effect = $1 AND key = $2', [
        done.effect,
        done.key,
      ]);
    }
    for (const request of requests) await upsert(tx, event, request);
  },
});

function upsert(tx: SqlExecutor, event: StoredEvent, request: EffectRequest) {
  return tx.query(
    `INSERT INTO outstanding_effects (effect, key, cause_event_id, queue, name, data, due_at, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (effect, key) DO UPDATE SET cause_event_id = $3, queue = $4, name = $5, data = $6,
       due_at = $7, requested_at = $8`,
    [
      request.effect,
      request.key,
      event.id,
      request.queue,
      request.name,
      JSON.stringify(request.data),
      request.dueAt?.toISOString() ?? null,
      event.recordedAt.toISOString(),
    ],
  );
}

interface Row {
  effect: string;
  key: string;
  cause_event_id: string;
  queue: QueueName;
  name: string;
  data: Record<string, unknown> | string;
  due_at: Date | string | null;
  requested_at: Date | string;
}

/** One page of outstanding effects requested before `before`, after the (effect, key) given. */
export async function outstandingEffects(
  sql: SqlExecutor,
  options: { before: Date; after?: EffectRef; limit: number },
): Promise<OutstandingEffect[]> {
  const rows = await sql.query<Row>(
    `SELECT effect, key, cause_event_id, queue, name, data, due_at, requested_at
       FROM outstanding_effects
      WHERE requested_at < $1 AND (effect, key) > ($2, $3)
      ORDER BY effect, key LIMIT $4`,
    [options.before.toISOString(), options.after?.effect ?? '', options.after?.key ?? '', options.limit],
  );
  return rows.map((row) => ({
    effect: row.effect,
    key: row.key,
    causeEventId: row.cause_event_id,
    queue: row.queue,
    name: row.name,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
    ...(row.due_at === null ? {} : { dueAt: new Date(row.due_at) }),
    requestedAt: new Date(row.requested_at),
  }));
}
