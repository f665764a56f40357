import { DEFAULT_DEADLINE_RULES } from '@expediente/infra/deadlines/deadline-rules';
import { rebuildProjections } from '../../scripts/rebuild-projections';
import { formatStatus, statusOfProjections } from '../../scripts/projections';
import { eventually } from '../support/async';
import { ApiClient } from '../support/client';
import { fileMadridCase } from '../support/cases';
import { RunningSystem, startSystem } from '../support/system';

/** A read model lost or damaged is rebuilt from the log, which stays the source of truth. */
describe('rebuilding projections', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  it('restores the citizen status and the review queue from the event log, showing progress', async () => {
    const caseId = await fileMadridCase(system);
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const before = await citizen.until<{ status: string; receipt: { status: string } }>(
      `/cases/${caseId}`,
      (r) => r.body.status === 'routed' && r.body.receipt?.status === 'ready',
      'the case routed, with its proof of receipt',
    );
    await system.stopWorker();

    await system.storage.sql.query('DELETE FROM case_status');
    await system.storage.sql.query('DELETE FROM review_queue');
    expect((await citizen.request('GET', `/cases/${caseId}`)).status).toBe(404);

    const lines: string[] = [];
    const applied = await rebuildProjections(
      system.storage,
      DEFAULT_DEADLINE_RULES,
      ['case-status', 'review-queue'],
      (l) => lines.push(l),
    );
    expect(applied['case-status']?.events).toBeGreaterThan(0);
    expect(lines.some((l) => /case-status: rebuilt from \d+ events/.test(l))).toBe(true);
    expect((await citizen.request('GET', `/cases/${caseId}`)).body).toEqual(before.body);
    const [row] = await system.storage.sql.query<{ status: string }>(
      'SELECT status FROM review_queue WHERE case_id = $1',
      [caseId],
    );
    expect(row?.status).toBe('open');
  });

  it('reports every projection at the log head, in status and on /metrics, once the worker has caught up', async () => {
    await system.startWorker();
    await fileMadridCase(system);
    const lagOf = async () => {
      const body = await (await fetch(`${system.api}/metrics`)).text();
      return [...body.matchAll(/^expediente_projection_lag_events\{projection="([^"]+)"\} (\d+)$/gm)].map(
        ([, projection, lag]) => [projection, Number(lag)] as const,
      );
    };
    await eventually(
      async () => {
        const lags = await lagOf();
        return lags.length === 7 && lags.every(([, lag]) => lag === 0);
      },
      'every projection at lag 0 on /metrics',
      30_000,
    );
    const body = await (await fetch(`${system.api}/metrics`)).text();
    expect(body).toMatch(/^expediente_projection_position\{projection="case-status"\} [1-9]\d*$/m);
    expect(body).toMatch(/^expediente_log_head_position [1-9]\d*$/m);
    expect(body).toMatch(/^expediente_projection_rebuilding\{projection="review-queue"\} 0$/m);

    const statuses = await statusOfProjections(system.storage, DEFAULT_DEADLINE_RULES);
    expect(statuses.map((s) => s.name)).toEqual([
      'case-status',
      'review-queue',
      'notification-inbox',
      'issued-documents',
      'audit-activity',
      'document-reads',
      'outstanding-effects',
    ]);
    for (const status of statuses) {
      expect(status).toEqual({
        name: expect.any(String),
        position: expect.any(Number),
        head: statuses[0]!.head,
        lag: 0,
        state: 'live',
        updatedAt: expect.any(Date),
        rebuild: null,
      });
    }
    const [header, ...rows] = formatStatus(statuses);
    expect(header).toMatch(/^projection +position +head +lag +state +last updated$/);
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row).toMatch(/^[a-z-]+ +\d+ +\d+ +0 +live +\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    }
  });

  it('names the projections it knows when asked for one it does not', async () => {
    await expect(
      rebuildProjections(system.storage, DEFAULT_DEADLINE_RULES, ['nope'], () => undefined),
    ).rejects.toThrow(
      /Unknown projection nope; known: case-status, review-queue, notification-inbox, issued-documents/,
    );
  });
});
