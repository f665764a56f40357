import { randomUUID } from 'node:crypto';
import { DEFAULT_DEADLINE_RULES } from '@expediente/infra/deadlines/deadline-rules';
import { loadConfig } from '@expediente/infra/config/config.schema';
import { metricsRegistry } from '@expediente/infra/metrics/metrics';
import { rebuildProjections } from '../../scripts/rebuild-projections';
import { verifyBeforeRebuild } from '../../scripts/verify-log';
import { eventually } from '../support/async';
import { ApiClient } from '../support/client';
import { fileMadridCase } from '../support/cases';
import { RunningSystem, startSystem } from '../support/system';

/** Auditors verify over HTTP; the worker seals and flags; a rebuild refuses a log that does not verify. */
describe('verifying the log', () => {
  let system: RunningSystem;
  let auditor: ApiClient;
  let caseId: string;

  const checkpoints = async () =>
    Number(
      (await system.storage.sql.query<{ n: string }>('SELECT count(*) AS n FROM log_checkpoints'))[0]!.n,
    );

  beforeAll(async () => {
    system = await startSystem({ env: { LOG_CHECKPOINT_MS: '200', LOG_CHECKPOINT_EVENTS: '5' } });
    auditor = await ApiClient.login(system.api, {
      subject: '45678901G',
      name: 'Elena Ruiz Vidal',
      roles: ['auditor'],
      levelOfAssurance: 'certificate',
    });
    caseId = await fileMadridCase(system);
  });
  afterAll(() => system?.stop());

  it('the worker seals checkpoints and an auditor verifies a case clean; a citizen may not', async () => {
    await eventually(async () => (await checkpoints()) > 0, 'a checkpoint sealed by the worker');
    const response = await auditor.request('GET', `/audit/verification?caseId=${caseId}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ intact: true, findings: [], scope: { kind: 'case', caseId } });
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const refused = await citizen.request('GET', `/audit/verification?caseId=${caseId}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect((await auditor.request('GET', '/audit/verification')).body).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('runs a whole-log verification in the background, polled by its link', async () => {
    const started = await auditor.request('POST', '/audit/verifications');
    expect(started.status).toBe(202);
    const link = (started.body as { links: { self: string } }).links.self;
    const done = await auditor.until<{ status: string; report: { intact: boolean; checkpoints: number } }>(
      link,
      (r) => r.body.status === 'done',
      'the verification done',
    );
    expect(done.body.report).toMatchObject({ intact: true });
    expect(done.body.report.checkpoints).toBeGreaterThan(0);
    expect((await auditor.request('GET', `/audit/verifications/${randomUUID()}`)).body).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
    });
  });

  it('locates a tampered event, and a rebuild refuses the log unless forced, loudly', async () => {
    await system.stopWorker();
    const [event] = await system.storage.sql.query<{ position: string; stream_version: number }>(
      `SELECT position, stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version LIMIT 1`,
      [`case-${caseId}`],
    );
    await system.storage.sql.query(
      `UPDATE events SET data = jsonb_set(data, '{tampered}', 'true') WHERE position = $1`,
      [event!.position],
    );
    const report = await auditor.request('GET', `/audit/verification?caseId=${caseId}`);
    expect(report.body).toMatchObject({
      intact: false,
      findings: [
        {
          code: 'CHAIN_BROKEN',
          stream: `case-${caseId}`,
          version: event!.stream_version,
          position: Number(event!.position),
        },
      ],
    });

    const config = loadConfig();
    await expect(
      verifyBeforeRebuild(system.storage, config, ['case-status'], () => undefined),
    ).rejects.toThrow(
      new RegExp(`CHAIN_BROKEN at stream case-${caseId}, version 0, position ${event!.position}`),
    );
    const lines: string[] = [];
    const names = await verifyBeforeRebuild(
      system.storage,
      config,
      ['case-status', '--force-unverified'],
      (l) => lines.push(l),
    );
    expect(names).toEqual(['case-status']);
    expect(lines[0]).toMatch(/WARNING: REBUILDING FROM A LOG THAT FAILS VERIFICATION/);
    await rebuildProjections(system.storage, DEFAULT_DEADLINE_RULES, names, () => undefined);
  });

  it('the worker flags new events that fail verification (log and metric) and seals nothing over them', async () => {
    const stream = `alert-${randomUUID()}`;
    const { position } = await system.storage.eventStore.append(
      stream,
      [{ id: randomUUID(), type: 'AlertSent', data: { n: 1 } }],
      { expectedVersion: 'no-stream' },
    );
    await system.storage.sql.query(`UPDATE events SET data = '{"n":2}' WHERE stream_id = $1`, [stream]);
    await system.startWorker();
    const failures = async () =>
      (
        await metricsRegistry.getSingleMetric('expediente_log_verification_failures_total')?.get()
      )?.values.find((value) => value.labels.code === 'CHAIN_BROKEN')?.value ?? 0;
    await eventually(async () => (await failures()) > 0, 'the worker’s verification failure counted');
    // Events before it may be sealed; no checkpoint reaches the tampered one.
    const [sealed] = await system.storage.sql.query<{ n: string }>(
      'SELECT count(*) AS n FROM log_checkpoints WHERE last_position >= $1',
      [position],
    );
    expect(Number(sealed!.n)).toBe(0);
  });
});
