import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash } from '@expediente/infra/event-store/event-hash';
import { SqlEventStore } from '@expediente/infra/event-store/event-store.sql';
import { SqlLogIntegrity } from '@expediente/infra/log-integrity/log-integrity.sql';
import { Finding, FindingCode, LogIntegrity } from '@expediente/infra/log-integrity/log-integrity.port';
import { loadOrCreateSeal } from '@expediente/infra/seal/seal';
import { migrate } from '@expediente/infra/sql/migrations';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { MIGRATIONS } from '@expediente/infra/storage/storage';
import { localTimeStampAuthority } from '@expediente/infra/timestamp/timestamp-authority.local';
import { createTestSchema } from '../support/postgres';

/**
 * The seven ways to tamper with the log directly in PostgreSQL, each on a log of its own:
 * every one is found, and the finding names the stream, version and position it concerns.
 */
const CASES = ['A', 'B', 'C', 'D'];
const CHECKPOINT_EVENTS = 20;

interface Log {
  readonly client: SqlClient;
  readonly integrity: LogIntegrity;
  position(stream: string, version: number): Promise<number>;
  /** Appends as a transaction ended long ago would have: below the horizon, ready to seal. */
  append(stream: string, caseId: string, n: number): Promise<number>;
  drop(): Promise<void>;
}

let keys: string;
beforeAll(async () => {
  keys = await mkdtemp(join(tmpdir(), 'tamper-keys-'));
});
afterAll(() => rm(keys, { recursive: true, force: true }));

/**
 * Four cases of three streams each, appended interleaved, one event per transaction (position
 * xid × 1024 + 1, xids from 1000: below any horizon, so no other session's open transaction can
 * hold the sealing back); sealed; then three events more through the store, not yet checkpointed.
 */
async function buildLog(): Promise<Log> {
  const { client, drop } = await createTestSchema('tamper');
  await migrate(client, MIGRATIONS);
  const store = new SqlEventStore(client);
  const heads = new Map<string, { version: number; hash: string }>();
  let xid = 1000;
  const append = async (stream: string, caseId: string, n: number) => {
    const head = heads.get(stream);
    const event = {
      id: randomUUID(),
      stream,
      streamVersion: (head?.version ?? -1) + 1,
      type: 'Tested',
      schemaVersion: 1,
      data: { caseId, n, note: `${stream} #${n}` },
      metadata: { actor: '12345678Z' },
      recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, xid)),
    };
    const hash = eventHash(head?.hash ?? '0'.repeat(64), event);
    heads.set(stream, { version: event.streamVersion, hash });
    xid += 1 + (xid % 3);
    const position = xid * 1024 + 1;
    await client.query(
      `INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, $9)`,
      [
        xid * 1024 + 1,
        stream,
        event.streamVersion,
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        event.recordedAt.toISOString(),
        hash,
      ],
    );
    return position;
  };
  for (let round = 0; round < 5; round += 1) {
    for (const c of CASES) {
      await append(`case-${c}`, c, round);
      if (round >= 1) await append(`review-${c}`, c, round);
      if (round >= 2) await append(`notification-n${c}`, c, round);
    }
  }
  const clock = () => new Date();
  const integrity = new SqlLogIntegrity(
    client,
    loadOrCreateSeal(keys),
    localTimeStampAuthority(keys, clock),
    {
      clock,
      checkpointEvents: CHECKPOINT_EVENTS,
    },
  );
  const outcome = await integrity.sealPending();
  expect(outcome.findings).toEqual([]);
  expect(outcome.sealed.map((checkpoint) => checkpoint.count)).toEqual([20, 20, 8]);
  for (const c of ['A', 'B', 'C']) {
    await store.append(`case-${c}`, [{ id: randomUUID(), type: 'Tested', data: { caseId: c, n: 9 } }], {
      expectedVersion: heads.get(`case-${c}`)!.version,
    });
  }
  return {
    client,
    integrity,
    append,
    async position(stream, version) {
      const [row] = await client.query<{ position: string }>(
        'SELECT position FROM events WHERE stream_id = $1 AND stream_version = $2',
        [stream, version],
      );
      return Number(row!.position);
    },
    drop,
  };
}

async function withLog(test: (log: Log) => Promise<void>): Promise<void> {
  const log = await buildLog();
  try {
    await test(log);
  } finally {
    await log.drop();
  }
}

const codes = (findings: readonly Finding[]): FindingCode[] =>
  [...new Set(findings.map((f) => f.code))].sort();

describe('tamper evidence for the whole log, against SQL run directly on PostgreSQL', () => {
  it('verifies an untampered log clean, the events after the last checkpoint reported as not yet checkpointed', () =>
    withLog(async ({ integrity }) => {
      const report = await integrity.verifyLog();
      expect(report.findings).toEqual([]);
      expect(report).toMatchObject({ intact: true, events: 51, streams: 12, checkpoints: 3, timestamped: 3 });
      expect(report.notYetCheckpointed.events).toBe(3);
      const oneCase = await integrity.verifyCase('B');
      expect(oneCase).toMatchObject({ intact: true, events: 13, notYetCheckpointed: { events: 1 } });
      expect(oneCase.scope).toEqual({
        kind: 'case',
        caseId: 'B',
        streams: ['case-B', 'notification-nB', 'review-B'],
      });
    }));

  it('(a) finds an edited event, naming its stream, version and position', () =>
    withLog(async ({ client, integrity, position }) => {
      await client.query(
        `UPDATE events SET data = jsonb_set(data, '{n}', '99') WHERE stream_id = 'case-B' AND stream_version = 2`,
      );
      const at = { stream: 'case-B', version: 2, position: await position('case-B', 2) };
      const report = await integrity.verifyLog();
      expect(report.intact).toBe(false);
      expect(report.findings).toEqual([expect.objectContaining({ code: 'CHAIN_BROKEN', ...at })]);
      expect((await integrity.verifyCase('B')).findings).toEqual([
        expect.objectContaining({ code: 'CHAIN_BROKEN', ...at }),
      ]);
    }));

  it('(b) finds a deleted middle event, naming the missing version and its sealed position', () =>
    withLog(async ({ client, integrity, position }) => {
      const sealedAt = await position('review-C', 1);
      await client.query(`DELETE FROM events WHERE stream_id = 'review-C' AND stream_version = 1`);
      const report = await integrity.verifyLog();
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'VERSION_GAP', stream: 'review-C', version: 2, expected: 1 }),
          expect.objectContaining({
            code: 'EVENTS_MISSING',
            stream: 'review-C',
            version: 1,
            position: sealedAt,
          }),
        ]),
      );
      expect(codes((await integrity.verifyCase('C')).findings)).toEqual(
        expect.arrayContaining(['EVENTS_MISSING', 'VERSION_GAP']),
      );
    }));

  it('(c) finds a deleted last event of a stream, which no chain can show', () =>
    withLog(async ({ client, integrity, position }) => {
      const sealedAt = await position('review-D', 3);
      await client.query(`DELETE FROM events WHERE stream_id = 'review-D' AND stream_version = 3`);
      const at = { stream: 'review-D', version: 3, position: sealedAt };
      const report = await integrity.verifyLog();
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'EVENTS_MISSING', ...at }),
          expect.objectContaining({ code: 'STREAM_HEAD_MISMATCH', ...at }),
          expect.objectContaining({ code: 'MERKLE_ROOT_MISMATCH' }),
          expect.objectContaining({ code: 'EVENT_COUNT_MISMATCH', expected: expect.any(Number) }),
        ]),
      );
      expect((await integrity.verifyCase('D')).findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'STREAM_HEAD_MISMATCH', ...at })]),
      );
    }));

  it('(d) finds a deleted whole stream, also when verifying only its case', () =>
    withLog(async ({ client, integrity, position }) => {
      const last = await position('notification-nA', 2);
      await client.query(`DELETE FROM events WHERE stream_id = 'notification-nA'`);
      const missing = expect.objectContaining({
        code: 'STREAM_MISSING',
        stream: 'notification-nA',
        version: 2,
        position: last,
      });
      const report = await integrity.verifyLog();
      expect(report.findings).toEqual(expect.arrayContaining([missing]));
      expect(report.findings.filter((f) => f.code === 'EVENTS_MISSING')).toHaveLength(3);
      const oneCase = await integrity.verifyCase('A');
      expect(oneCase.scope).toMatchObject({ streams: expect.arrayContaining(['notification-nA']) });
      expect(oneCase.findings).toEqual(expect.arrayContaining([missing]));
    }));

  it('(e) finds a forged event slipped into a sealed range, even with a valid hash chain', () =>
    withLog(async ({ client, integrity, position }) => {
      // A gap inside checkpoint 1: just after the first event (each append had one event).
      const forgedAt = (await position('case-A', 0)) + 1;
      const recordedAt = new Date('2026-01-01T00:00:00Z');
      const forged = {
        id: randomUUID(),
        stream: 'case-Z',
        streamVersion: 0,
        type: 'Tested',
        schemaVersion: 1,
      };
      const data = { caseId: 'Z', n: 0 };
      const hash = eventHash('0'.repeat(64), { ...forged, data, metadata: {}, recordedAt });
      await client.query(
        `INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
         VALUES ($1, $2, 0, $3, 'Tested', 1, $4, '{}', $5, $6)`,
        [forgedAt, forged.stream, forged.id, JSON.stringify(data), recordedAt.toISOString(), hash],
      );
      const report = await integrity.verifyLog();
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'EVENT_NOT_CHECKPOINTED',
            checkpoint: 1,
            stream: 'case-Z',
            position: forgedAt,
            eventId: forged.id,
          }),
          expect.objectContaining({ code: 'MERKLE_ROOT_MISMATCH', checkpoint: 1 }),
          expect.objectContaining({ code: 'EVENT_COUNT_MISMATCH', checkpoint: 1, expected: 20, found: 21 }),
        ]),
      );
      expect((await integrity.verifyCase('Z')).findings).toEqual([
        expect.objectContaining({ code: 'EVENT_NOT_CHECKPOINTED', stream: 'case-Z', position: forgedAt }),
      ]);
    }));

  it('(f) finds global positions reordered across streams, naming both events and where they were sealed', () =>
    withLog(async ({ client, integrity, position }) => {
      const a = await position('case-A', 1);
      const b = await position('review-B', 1);
      await client.query(
        `UPDATE events SET position = -position WHERE (stream_id, stream_version) IN (('case-A', 1), ('review-B', 1))`,
      );
      await client.query(`UPDATE events SET position = $2 WHERE position = -$1::bigint`, [a, b]);
      await client.query(`UPDATE events SET position = $1 WHERE position = -$2::bigint`, [a, b]);
      const report = await integrity.verifyLog();
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'POSITION_MOVED',
            stream: 'case-A',
            version: 1,
            position: b,
            expected: a,
          }),
          expect.objectContaining({
            code: 'POSITION_MOVED',
            stream: 'review-B',
            version: 1,
            position: a,
            expected: b,
          }),
          expect.objectContaining({ code: 'MERKLE_ROOT_MISMATCH' }),
        ]),
      );
      expect(report.findings.some((f) => f.code === 'CHAIN_BROKEN')).toBe(false);
    }));

  it('(g) finds swapped stream versions, naming the stream and both versions', () =>
    withLog(async ({ client, integrity, position }) => {
      const [one, two] = [await position('case-C', 1), await position('case-C', 2)];
      await client.query(`UPDATE events SET stream_version = -1 WHERE position = $1`, [one]);
      await client.query(`UPDATE events SET stream_version = 1 WHERE position = $1`, [two]);
      await client.query(`UPDATE events SET stream_version = 2 WHERE position = $1`, [one]);
      const report = await integrity.verifyLog();
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'POSITION_MOVED', stream: 'case-C', version: 1, position: two }),
          expect.objectContaining({ code: 'POSITION_MOVED', stream: 'case-C', version: 2, position: one }),
          expect.objectContaining({ stream: 'case-C', version: 2, position: one }),
        ]),
      );
      expect((await integrity.verifyCase('C')).findings).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'VERSION_OUT_OF_ORDER', stream: 'case-C' })]),
      );
    }));

  it('refuses to change a checkpoint, and finds one forged past the trigger or signed by another key', () =>
    withLog(async ({ client, integrity }) => {
      await expect(client.query(`DELETE FROM log_checkpoints WHERE seq = 3`)).rejects.toThrow(/append-only/);
      await expect(client.query(`UPDATE log_checkpoint_heads SET version = 0`)).rejects.toThrow(
        /append-only/,
      );
      await client.query('ALTER TABLE log_checkpoints DISABLE TRIGGER USER');
      await client.query(`UPDATE log_checkpoints SET event_count = 19 WHERE seq = 1`);
      const other = loadOrCreateSeal(join(keys, 'intruder'));
      const [row] = await client.query<{ hash: string }>('SELECT hash FROM log_checkpoints WHERE seq = 2');
      await client.query(`UPDATE log_checkpoints SET signature = $1 WHERE seq = 2`, [
        other.signDetached(Buffer.from(row!.hash)),
      ]);
      const report = await integrity.verifyLog();
      expect(report.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'CHECKPOINT_HASH_MISMATCH', checkpoint: 1 }),
          expect.objectContaining({ code: 'CHECKPOINT_SIGNATURE_INVALID', checkpoint: 1 }),
          expect.objectContaining({ code: 'EVENT_COUNT_MISMATCH', checkpoint: 1, expected: 19, found: 20 }),
          expect.objectContaining({ code: 'CHECKPOINT_SIGNATURE_INVALID', checkpoint: 2 }),
        ]),
      );
    }));

  it('seals nothing over tampered events waiting for a checkpoint, and says where', () =>
    withLog(async ({ client, integrity, append }) => {
      const at = await append('review-D', 'D', 9);
      await client.query(`UPDATE events SET data = '{}' WHERE position = $1`, [at]);
      const outcome = await integrity.sealPending();
      expect(outcome.sealed).toEqual([]);
      expect(outcome.findings).toEqual([
        expect.objectContaining({ code: 'CHAIN_BROKEN', stream: 'review-D', version: 4, position: at }),
      ]);
    }));
});
