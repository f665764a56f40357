import { randomUUID } from 'node:crypto';
import { SqlEventStore } from '../event-store/event-store.sql';
import { eventStoreMigrations } from '../event-store/event-store.migrations';
import { migrate } from '../sql/migrations';
import { SqlClient } from '../sql/sql-client';
import { projectionMigrations } from './projection.migrations';
import { ProjectionRunner } from './projection-runner';
import { SqlProjection } from './projection';
import { createTestSchema } from '../../../../test/support/postgres';
import { eventually } from '../../../../test/support/async';

const tally: SqlProjection = {
  name: 'tally',
  tables: ['tally'],
  async apply(tx, event) {
    await tx.query(
      `INSERT INTO tally (type, count) VALUES ($1, 1) ON CONFLICT (type) DO UPDATE SET count = tally.count + 1`,
      [event.type],
    );
  },
};

describe('projection runner (PostgreSQL)', () => {
  let sql: SqlClient;
  let store: SqlEventStore;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const schema = await createTestSchema('proj');
    sql = schema.client;
    drop = schema.drop;
    await migrate(sql, [...eventStoreMigrations, ...projectionMigrations]);
    await sql.query('CREATE TABLE tally (type text PRIMARY KEY, count int NOT NULL)');
    store = new SqlEventStore(sql);
  });
  afterAll(() => drop());

  const counts = async () =>
    Object.fromEntries(
      (await sql.query<{ type: string; count: number }>('SELECT type, count FROM tally')).map((r) => [
        r.type,
        r.count,
      ]),
    );
  /** Resolves with the last event's position (positions are sparse: not a count). */
  const appendMany = async (n: number): Promise<number> => {
    let last = 0;
    for (let i = 0; i < n; i++) {
      ({ position: last } = await store.append(
        `case-${randomUUID()}`,
        [{ id: randomUUID(), type: i % 2 ? 'Odd' : 'Even', data: { i } }],
        {
          expectedVersion: 'no-stream',
        },
      ));
    }
    return last;
  };

  it('applies each event once even when two replicas deliver it, and checkpoints atomically', async () => {
    await appendMany(20);
    const first = new ProjectionRunner(store, sql, tally);
    const second = new ProjectionRunner(store, sql, tally);
    await Promise.all([first.start(), second.start()]);
    try {
      const last = await appendMany(20);
      await eventually(async () => (await first.checkpoint()) === last, 'checkpoint to reach the last event');
      expect(await counts()).toEqual({ Even: 20, Odd: 20 });
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('resumes from its checkpoint after a stop, neither skipping nor repeating', async () => {
    const runner = new ProjectionRunner(store, sql, tally);
    const last = await appendMany(6);
    await runner.start();
    await eventually(async () => (await runner.checkpoint()) === last, 'catch up');
    await runner.stop();
    expect(await counts()).toEqual({ Even: 23, Odd: 23 });
  });

  it('rebuilds from zero, streaming, with progress, to the same result', async () => {
    const progress: number[] = [];
    const { events } = await new ProjectionRunner(store, sql, tally).rebuild({
      batchSize: 10,
      onProgress: (p) => progress.push(p.applied),
    });
    expect(events).toBe(46);
    expect(progress).toEqual([10, 20, 30, 40, 46]);
    expect(await counts()).toEqual({ Even: 23, Odd: 23 });
  });
});
