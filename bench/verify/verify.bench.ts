/**
 * Verifying the whole log against the cheapest check that reads it: `verifyLog` (every chain
 * recomputed from canonical JSON, every checkpoint's Merkle root, heads, signature and time-stamp)
 * over 1M events against a raw keyset SELECT loop over the same rows that SHA-256s each row's
 * JSON, same page size, same run. ratio = raw time / verify time (target ≥ 0.7).
 * BENCH_EVENTS (default 1000000), BENCH_ROUNDS (default 2, alternating), BENCH_CHECKPOINT (10000).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventHash, GENESIS_HASH } from '@expediente/infra/event-store/event-hash';
import { LogCheckpointer } from '@expediente/infra/log-integrity/log-checkpointer';
import { verifyLog } from '@expediente/infra/log-integrity/log-verifier';
import { loadOrCreateSeal } from '@expediente/infra/seal/seal';
import { migrate } from '@expediente/infra/sql/migrations';
import { SqlClient } from '@expediente/infra/sql/sql-client';
import { MIGRATIONS } from '@expediente/infra/storage/storage';
import { localTimeStampAuthority } from '@expediente/infra/timestamp/timestamp-authority.local';
import { envInt, log, perSecond, round, runBench, timed, withBenchSchema, withPeakRss } from '../support';

const events = envInt('BENCH_EVENTS', 1_000_000);
const rounds = envInt('BENCH_ROUNDS', 2);
const checkpointEvents = envInt('BENCH_CHECKPOINT', 10_000);
const streams = Math.max(1, Math.floor(events / 100));
const pageSize = 1000;
const loadChunk = 10_000;

/** Real events with real chains: stream g % streams, interleaved, as appends would leave them. */
async function load(client: SqlClient): Promise<void> {
  const heads = new Map<number, string>();
  for (let from = 1; from <= events; from += loadChunk) {
    const rows = [];
    for (let g = from; g < from + loadChunk && g <= events; g += 1) {
      const s = g % streams;
      const stream = `case-${s}`;
      const streamVersion = Math.floor((g - 1) / streams);
      const data = {
        caseId: String(s),
        seq: g,
        kind: 'benefit-claim',
        applicant: { nif: `${String(g % 100_000_000).padStart(8, '0')}Z`, name: 'María García López' },
        amountCents: (g * 7919) % 500_000,
        note: 'Documentación aportada por la persona interesada en la sede electrónica',
      };
      const metadata = {
        actor: `user-${g % 50}`,
        role: 'caseworker',
        levelOfAssurance: 'substantial',
        correlationId: randomUUID(),
      };
      const recordedAt = new Date(Date.UTC(2025, 0, 1) + g * 1000);
      const event = {
        id: randomUUID(),
        stream,
        streamVersion,
        type: ['CaseOpened', 'DocumentAttached', 'CaseNoteAdded'][g % 3]!,
        schemaVersion: 1,
        data,
        metadata,
        recordedAt,
      };
      const hash = eventHash(heads.get(s) ?? GENESIS_HASH, event);
      heads.set(s, hash);
      rows.push({ position: g, ...event, hash });
    }
    await client.query(
      `INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, hash)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::text[])`,
      [
        rows.map((r) => r.position),
        rows.map((r) => r.stream),
        rows.map((r) => r.streamVersion),
        rows.map((r) => r.id),
        rows.map((r) => r.type),
        rows.map((r) => r.schemaVersion),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => JSON.stringify(r.metadata)),
        rows.map((r) => r.recordedAt.toISOString()),
        rows.map((r) => r.hash),
      ],
    );
    if ((from - 1 + loadChunk) % 100_000 === 0 || from + loadChunk > events) {
      log(`  loaded ${Math.min(from + loadChunk - 1, events)}/${events} events`);
    }
  }
  await client.query('VACUUM ANALYZE events');
}

const rawSelect = `SELECT position, stream_id, stream_version, event_id, type, schema_version,
                          data, metadata, recorded_at, hash
                   FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

/** The baseline: read every row by keyset and SHA-256 it. */
async function readAndHash(client: SqlClient): Promise<number> {
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await client.query<Record<string, unknown> & { position: string }>(rawSelect, [
      after,
      pageSize,
    ]);
    for (const row of rows) {
      createHash('sha256').update(JSON.stringify(row)).digest('hex');
      count += 1;
    }
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || last === undefined) return count;
    after = Number(last.position);
  }
}

interface Run {
  readonly seconds: number;
  readonly peakRssMb: number;
}

async function measure(label: string, read: () => Promise<number>): Promise<Run> {
  const { result, peakRssMb } = await withPeakRss(() => timed(read));
  const { result: count, seconds } = result;
  if (count !== events) throw new Error(`${label} checked ${count} events, expected ${events}`);
  log(
    `${label}: ${count} events in ${round(seconds, 2)} s = ${perSecond(count, seconds)} events/s, peak RSS +${peakRssMb} MB`,
  );
  return { seconds, peakRssMb };
}

runBench(() =>
  withBenchSchema('verify', async (client) => {
    const keys = await mkdtemp(join(tmpdir(), 'bench-verify-'));
    try {
      await migrate(client, MIGRATIONS);
      log(`loading ${events} events in ${streams} streams, with real hash chains`);
      log(`loaded in ${round((await timed(() => load(client))).seconds, 1)} s`);
      const clock = () => new Date();
      const seal = loadOrCreateSeal(keys);
      const tsa = localTimeStampAuthority(keys, clock);
      const checkpointer = new LogCheckpointer(client, seal, tsa, clock, checkpointEvents);
      const { result: outcome, seconds: sealSeconds } = await timed(() => checkpointer.sealPending());
      if (outcome.findings.length > 0)
        throw new Error(`the loaded log does not verify: ${outcome.findings[0]?.message}`);
      log(
        `sealed ${outcome.sealed.length} checkpoints of ≤ ${checkpointEvents} events in ${round(sealSeconds, 1)} s`,
      );
      const trust = {
        sealCertificatePem: seal.certificatePem,
        timestampAuthorityCertificatePem: tsa.certificatePem,
      };

      log('warm-up: one raw pass (brings the table into cache)');
      await readAndHash(client);
      const verifyRuns: Run[] = [];
      const rawRuns: Run[] = [];
      for (let r = 1; r <= rounds; r += 1) {
        verifyRuns.push(
          await measure(`verify #${r}`, async () => {
            const report = await verifyLog(client, trust, { pageSize });
            if (!report.intact) throw new Error(`verification found ${report.findingsTotal} findings`);
            return report.events;
          }),
        );
        rawRuns.push(await measure(`raw #${r}`, () => readAndHash(client)));
      }
      const verify = Math.min(...verifyRuns.map((run) => run.seconds));
      const raw = Math.min(...rawRuns.map((run) => run.seconds));
      return {
        bench: 'verify',
        events,
        streams,
        checkpoints: outcome.sealed.length,
        verifySeconds: round(verify, 2),
        rawSeconds: round(raw, 2),
        verifyEventsPerSec: perSecond(events, verify),
        rawEventsPerSec: perSecond(events, raw),
        ratio: round(raw / verify, 3),
        verifyPeakRssMb: Math.max(...verifyRuns.map((run) => run.peakRssMb)),
        rawPeakRssMb: Math.max(...rawRuns.map((run) => run.peakRssMb)),
        sealSeconds: round(sealSeconds, 1),
      };
    } finally {
      await rm(keys, { recursive: true, force: true });
    }
  }),
);
