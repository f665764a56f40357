import { randomUUID } from 'node:crypto';
import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';
import {
  EVENTS_PER_SYNTHETIC_CASE,
  insertSyntheticCases,
  syntheticCase,
  syntheticCaseId,
} from '@expediente/infra/event-store/event-store.synthetic';
import { SqlCaseStatusReadModel } from '@expediente/infra/case-status/case-status.sql';
import { DEFAULT_DEADLINE_RULES } from '@expediente/infra/deadlines/deadline-rules';
import { ReviewQueue } from '@expediente/infra/review-queue/review-queue';
import { NotificationInbox } from '@expediente/infra/review-queue/notification-inbox';
import { issuedDocumentByCsv } from '@expediente/infra/verification/issued-documents';
import { outstandingEffects } from '@expediente/infra/outbox/outstanding-effects';
import { migrate } from '@expediente/infra/sql/migrations';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { MIGRATIONS, Storage } from '@expediente/infra/storage/storage';
import { projectionStatuses } from '@expediente/infra/projections/projection-status';
import type { ReadModelRunner } from '@expediente/infra/projections/read-model-runner';
import { createTestSchema } from '../../../test/support/postgres';
import { eventually } from '../../../test/support/async';
import { rebuildProjections } from '../../../scripts/rebuild-projections';
import { projectionRunners } from './projections';

const CASES = 120;
const NOW = new Date('2026-03-05T10:00:00Z');
const FAR = new Date('2100-01-01T00:00:00Z');
const seqOf = (n: number) => String(n).padStart(8, '0');

/**
 * Each projection is rebuilt on PostgreSQL while the live projections run, new cases are
 * appended, and a reader asks the read model through its port the whole time: no read fails or
 * sees fewer rows than were there before, what was there is there unchanged after the swap, and
 * what was appended meanwhile is there too.
 */
// Each rebuild waits for the live runners to reach the head, which a slow shared database may hold back.
jest.setTimeout(180_000);

describe('rebuilding projections beside the live tables (PostgreSQL)', () => {
  let sql: SqlClient;
  let storage: Storage;
  let drop: () => Promise<void>;
  let live: ReadModelRunner[];
  let appended = 0;
  const errors: string[] = [];

  beforeAll(async () => {
    const schema = await createTestSchema('rebuild');
    ({ client: sql, drop } = schema);
    await migrate(sql, MIGRATIONS);
    await insertSyntheticCases(sql, { cases: CASES });
    const eventStore = new SqlEventStore(sql);
    const caseStatus = new SqlCaseStatusReadModel(sql, () => NOW);
    storage = {
      eventStore,
      sql,
      caseStatus,
      description: { eventStore: 'postgres', sql: 'postgres', location: schema.schema },
      close: () => sql.close(),
    };
    // From nothing, batches of a thousand catch up faster than the live runners' event at a time.
    await rebuildProjections(storage, DEFAULT_DEADLINE_RULES, ['--all'], () => undefined);
    live = Object.values(projectionRunners(storage, DEFAULT_DEADLINE_RULES));
    for (const runner of live) await runner.start((error) => errors.push(`${runner.name}: ${String(error)}`));
    await caughtUp();
  });
  afterAll(async () => {
    for (const runner of live ?? []) await runner.stop();
    await drop();
  });

  async function caughtUp(): Promise<void> {
    await eventually(
      async () => {
        const statuses = await projectionStatuses(sql, storage.eventStore, live);
        if (errors.length > 0) throw new Error(errors.join('; '));
        return statuses.every((s) => s.lag === 0);
        // Other suites' open transactions on the same server hold the log's horizon back a while.
      },
      'every live projection at the head',
      120_000,
    );
  }

  /** A new case through the one append path, as the API and worker would write it. */
  async function appendCase(): Promise<{ caseId: string; seq: string }> {
    appended += 1;
    const caseId = randomUUID();
    const seq = `X${String(appended).padStart(7, '0')}`;
    const byStream = new Map<string, { id: string; type: string; data: unknown }[]>();
    for (const { stream, event } of syntheticCase(caseId, seq)) {
      byStream.set(stream, [...(byStream.get(stream) ?? []), { id: randomUUID(), ...event }]);
    }
    for (const [stream, events] of byStream) {
      await storage.eventStore.append(stream, events, { expectedVersion: 'no-stream' });
    }
    return { caseId, seq };
  }

  /** Reads through each read model's port; the number of items it saw of the whole. */
  const readers: Record<string, () => Promise<number>> = {
    'case-status': async () => {
      const n = 1 + Math.floor(Math.random() * CASES);
      const view = await storage.caseStatus.caseFor(`F${seqOf(n)}`, await syntheticCaseId(sql, n));
      if (view?.status !== 'notification-available') throw new Error(`case ${n} reads ${view?.status}`);
      const [row] = await sql.query<{ count: string }>('SELECT count(*) FROM case_status');
      return Number(row?.count);
    },
    'review-queue': async () =>
      (await new ReviewQueue(sql).cases('INSS-28', {}, { limit: 100_000 }, NOW)).items.length,
    'notification-inbox': async () => {
      const addressees = Array.from({ length: CASES }, (_, i) => `F${seqOf(i + 1)}`);
      return (await new NotificationInbox(sql).forAddressees(addressees, { limit: 100_000 }, NOW)).items
        .length;
    },
    'issued-documents': async () => {
      const n = 1 + Math.floor(Math.random() * CASES);
      if (!(await issuedDocumentByCsv(sql, `RES${seqOf(n)}`))) throw new Error(`no document of case ${n}`);
      const [row] = await sql.query<{ count: string }>('SELECT count(*) FROM issued_documents');
      return Number(row?.count);
    },
    'outstanding-effects': async () =>
      (await outstandingEffects(sql, { before: FAR, limit: 100_000 })).length,
    'audit-activity': async () => {
      const [row] = await sql.query<{ count: string }>('SELECT count(*) FROM audit_activity');
      return Number(row?.count);
    },
    'document-reads': async () => {
      const [row] = await sql.query<{ count: string }>('SELECT count(*) FROM document_reads');
      return Number(row?.count);
    },
  };

  const TABLES: Record<string, readonly string[]> = {
    'case-status': ['case_status', 'case_timeline', 'powers_of_attorney', 'receipts'],
    'review-queue': ['review_queue'],
    'notification-inbox': ['notification_inbox'],
    'issued-documents': ['issued_documents'],
    'outstanding-effects': ['outstanding_effects'],
    'audit-activity': ['audit_activity'],
    'document-reads': ['document_reads'],
  };

  async function contents(name: string): Promise<string[]> {
    const rows: string[] = [];
    for (const table of TABLES[name]!) {
      const found = await sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t`);
      rows.push(...found.map((r) => `${table} ${r.row}`));
    }
    return rows.sort();
  }

  it('covers every registered projection', () => {
    expect(Object.keys(readers).sort()).toEqual(live.map((r) => r.name).sort());
    expect(CASES * EVENTS_PER_SYNTHETIC_CASE).toBeGreaterThanOrEqual(1000);
  });

  it.each(Object.keys(readers))(
    'rebuilds %s while it is read and written, losing nothing and showing no partial table',
    async (name) => {
      await caughtUp();
      const before = await contents(name);
      const read = readers[name]!;
      const baseline = await read();
      // The synthetic cases are never opened by staff, so they hold no document reads.
      if (name !== 'document-reads') expect(baseline).toBeGreaterThan(0);

      let done = false;
      const stats = { reads: 0, failures: [] as string[] };
      const reader = (async () => {
        while (!done) {
          try {
            const seen = await read();
            stats.reads += 1;
            if (seen < baseline) stats.failures.push(`read ${seen} of ${baseline}`);
          } catch (error) {
            stats.failures.push(String(error));
          }
          // A reader that fails at once must neither spin nor starve the rebuild it watches.
          if (stats.failures.length > 10) return;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const added: { caseId: string; seq: string }[] = [];
      const writer = (async () => {
        // A case every 50 ms: a busy office, and one the live projections keep up with.
        while (!done) {
          added.push(await appendCase());
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();

      const lines: string[] = [];
      const progress: number[] = [];
      let summaries: Awaited<ReturnType<typeof rebuildProjections>>;
      let addedDuringRebuild: number;
      try {
        summaries = await rebuildProjections(
          storage,
          DEFAULT_DEADLINE_RULES,
          [name],
          (line) => lines.push(line),
          (p) => progress.push(p.applied),
        );
        addedDuringRebuild = added.length;
      } finally {
        done = true;
        await Promise.all([reader, writer]);
      }
      await caughtUp();

      expect(stats.failures).toEqual([]);
      expect(stats.reads).toBeGreaterThan(5);
      expect(addedDuringRebuild).toBeGreaterThan(0);
      expect(summaries[name]!.events).toBeGreaterThanOrEqual(CASES * EVENTS_PER_SYNTHETIC_CASE);
      expect(progress.length).toBeGreaterThan(1);
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^${name}: rebuilt from \\d+ events in`))]);

      const after = await contents(name);
      const mentions = (row: string, { caseId, seq }: { caseId: string; seq: string }) =>
        row.includes(caseId) || row.includes(seq);
      expect(after.filter((row) => !added.some((c) => mentions(row, c)))).toEqual(before);
      if (name !== 'document-reads')
        for (const c of added) expect(after.some((row) => mentions(row, c))).toBe(true);

      const [status] = await projectionStatuses(
        sql,
        storage.eventStore,
        live.filter((r) => r.name === name),
      );
      expect(status).toMatchObject({ name, state: 'live', lag: 0, rebuild: null });
      const leftovers = await sql.query(
        `SELECT nspname FROM pg_namespace WHERE nspname LIKE current_schema() || '\\_\\_%'`,
      );
      expect(leftovers).toEqual([]);
    },
  );

  it('refuses a second rebuild of a projection already being rebuilt', async () => {
    await sql.query(`INSERT INTO projection_rebuilds (name) VALUES ('issued-documents')`);
    try {
      const [status] = await projectionStatuses(
        sql,
        storage.eventStore,
        live.filter((r) => r.name === 'issued-documents'),
      );
      expect(status?.state).toBe('rebuilding');
      await expect(
        rebuildProjections(storage, DEFAULT_DEADLINE_RULES, ['issued-documents'], () => undefined),
      ).rejects.toThrow(/already being rebuilt/);
    } finally {
      await sql.query(`DELETE FROM projection_rebuilds WHERE name = 'issued-documents'`);
    }
  });
});
