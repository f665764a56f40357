import { ChildProcess, spawn } from 'node:child_process';
import { QueueEvents } from 'bullmq';
import { QUEUES } from '@expediente/infra/queue/queues';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { LocalDiskBlobStore } from '@expediente/infra/blobs/blob-store.local';
import { decideReview, eventsOf, fileMadridCase, reviewer, supervisor } from '../support/cases';
import { collect, eventually } from '../support/async';
import { freePort } from '../support/ports';
import { RunningSystem, startSystem } from '../support/system';
import { verifyDetachedCms } from '../support/verify-cms';

/**
 * The worker as its own process, killed with SIGKILL while it renders a resolution, and the
 * worker that takes the job over killed the same way: each time the job is taken over after
 * its lock expires (BullMQ's default would fail it after one stall), and the case still gets
 * exactly one resolution and one notification.
 */
describe('worker crash during a resolution render', () => {
  const entry = join(process.cwd(), 'dist/apps/worker/src/main.js');
  let system: RunningSystem;
  let blobs: BlobStore;
  let worker: ChildProcess | undefined;

  const startWorker = async () => {
    const child = spawn(process.execPath, [entry], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...system.env,
        WORKER_PORT: String(await freePort()),
        JOB_LOCK_MS: '2000',
        DEADLINE_SWEEP_MS: '200',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
      detached: true,
    });
    worker = child;
    return child;
  };
  const kill = (child: ChildProcess) => {
    // The whole group: the worker and the Chromium it launched, as a machine failure would.
    process.kill(-child.pid!, 'SIGKILL');
  };

  beforeAll(async () => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: npm test builds first`);
    system = await startSystem({ worker: false });
    blobs = new LocalDiskBlobStore(join(system.env.DATA_DIR!, 'blobs'));
  });
  afterAll(async () => {
    if (worker?.exitCode === null) kill(worker);
    await system?.stop();
  });

  it('yields exactly one sealed resolution and one notification when its worker is killed twice', async () => {
    await startWorker();
    const caseId = await fileMadridCase(system);
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-28' },
    });
    await decideReview(system, caseId, reviewer, 'EvaluateCase', { findings: 'Informes concordantes.' });
    // Killed each time a worker takes the render job, while the letter is being printed.
    const events$ = new QueueEvents(QUEUES.reactions, {
      connection: { host: '127.0.0.1', port: 6379 },
      prefix: system.env.QUEUE_PREFIX,
    });
    await events$.waitUntilReady();
    const killedOnTake = () =>
      new Promise<void>((resolve) => {
        const onActive = ({ jobId }: { jobId: string }) => {
          if (!jobId.endsWith('-issue-resolution')) return;
          events$.off('active', onActive);
          kill(worker!);
          resolve();
        };
        events$.on('active', onActive);
      });
    const resolutionIssued = async () =>
      (await eventsOf(system, `review-${caseId}`)).some((e) => e.type === 'ResolutionIssued');

    const firstTake = killedOnTake();
    await decideReview(system, caseId, reviewer, 'ResolveCase', {
      outcome: 'granted',
      grounds: 'Se acreditan las lesiones.',
      legalBasis: 'Art. 193 LGSS.',
    });
    await firstTake;
    expect(await resolutionIssued()).toBe(false);
    // The next worker takes the stalled job over once its lock expires, and dies too.
    const secondTake = killedOnTake();
    await startWorker();
    await secondTake;
    await events$.close();
    expect(await resolutionIssued()).toBe(false);

    await startWorker();
    await eventually(resolutionIssued, 'the resolution after the second restart', 30_000);
    const notifications = async () =>
      (await collect(system.storage.eventStore.readAll())).filter(
        (e) => e.type === 'NotificationMadeAvailable' && (e.data as { caseId?: string }).caseId === caseId,
      );
    await eventually(async () => (await notifications()).length > 0, 'the notification', 20_000);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // room for a duplicate to appear, if one would

    const review = await eventsOf(system, `review-${caseId}`);
    const issued = review.filter((e) => e.type === 'ResolutionIssued');
    expect(issued).toHaveLength(1);
    expect(await notifications()).toHaveLength(1);
    const { documentHash, signatureHash } = issued[0]!.data as {
      documentHash: string;
      signatureHash: string;
    };
    const pdf = await read(blobs, documentHash);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(documentHash);
    expect(verifyDetachedCms(await read(blobs, signatureHash), pdf).valid).toBe(true);
  });
});

async function read(blobs: BlobStore, hash: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of blobs.open(hash)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
