import { Queue } from 'bullmq';
import { QUEUES } from '@expediente/infra/queue/queues';
import { collect, eventually } from '../support/async';
import { ApiClient, pdfBytes } from '../support/client';
import { PrivateRedis, startPrivateRedis } from '../support/private-redis';
import { RunningSystem, startSystem } from '../support/system';
import { metricsRegistry } from '@expediente/infra/metrics/metrics';

const FILINGS = 100;
const LOST_AT = 50;
const BURST = 10;

/**
 * Redis is not a system of record. Emptied and restarted while citizens submit, it loses the
 * receipt jobs already handed to it (the relay's checkpoint has passed them); the reconciler
 * finds them owed in the log and enqueues them again, under the same job ids.
 */
describe('Redis restarting empty in the middle of submissions', () => {
  let redis: PrivateRedis;
  let system: RunningSystem;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    Object.assign(process.env, { REDIS_URL: redis.url, RECONCILE_MS: '1000' });
    // One citizen files them all: the abuse limits are not what this tests.
    system = await startSystem({
      env: { RATE_LIMIT_UPLOADS: '100000/15m', RATE_LIMIT_SUBMISSIONS: '100000/15m' },
    });
  });
  afterAll(async () => {
    await system?.stop();
    await redis?.stop();
    delete process.env.REDIS_URL;
    delete process.env.RECONCILE_MS;
  });

  it(`still gives each of ${FILINGS} filings exactly one proof of receipt and one review`, async () => {
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const file = async (n: number): Promise<string> => {
      const draft = await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      });
      const { caseId } = draft.body;
      const path = `/filings/medical-reports/${caseId}`;
      await citizen.upload(`${path}/attachments`, {
        name: `informe-${n}.pdf`,
        bytes: pdfBytes(caseId),
        kind: 'medical-report',
      });
      const submitted = await citizen.request(
        'POST',
        `${path}/submission`,
        {},
        { 'idempotency-key': caseId },
      );
      if (submitted.status !== 201) throw new Error(`filing ${n} refused: ${JSON.stringify(submitted.body)}`);
      return caseId;
    };

    const receiptQueue = new Queue(QUEUES.receipts, {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: system.env.QUEUE_PREFIX,
    });
    const caseIds: string[] = [];
    // Ten citizens at a time. Just before Redis goes, the receipt queue is paused, so jobs surely
    // wait in it however fast this machine prints (the flush takes the pause away with them).
    for (let n = 1; n <= FILINGS; n += BURST) {
      if (caseIds.length + BURST === LOST_AT) await receiptQueue.pause();
      caseIds.push(...(await Promise.all(Array.from({ length: BURST }, (_, i) => file(n + i)))));
      if (caseIds.length === LOST_AT) {
        // Lost while receipts still wait to be printed (the relay has already moved past them).
        await eventually(async () => (await receiptQueue.getWaitingCount()) >= BURST / 2, 'a backlog');
        await redis.flushAndRestart();
      }
    }

    // Each filing asks for two effects at once: its proof of receipt and opening its review.
    const caused = async () => {
      const events = await collect(system.storage.eventStore.readAll());
      const casesOf = (type: string) =>
        events.filter((e) => e.type === type).map((e) => (e.data as { caseId: string }).caseId);
      return { receipts: casesOf('ProofOfReceiptIssued'), reviews: casesOf('ReviewOpened') };
    };
    await eventually(
      async () => Object.values(await caused()).every((ids) => new Set(ids).size >= FILINGS),
      'every receipt and review',
      45_000,
    ).catch(() => undefined); // the figures below say how many are missing
    await receiptQueue.close();
    await new Promise((resolve) => setTimeout(resolve, 2000)); // room for a duplicate to appear, if one would
    const figures = (ids: string[]) => ({
      lost: caseIds.filter((id) => !ids.includes(id)).length,
      twice: ids.length - new Set(ids).size,
    });
    const { receipts, reviews } = await caused();
    expect({ filings: caseIds.length, receipts: figures(receipts), reviews: figures(reviews) }).toEqual({
      filings: FILINGS,
      receipts: { lost: 0, twice: 0 },
      reviews: { lost: 0, twice: 0 },
    });
    // What operators see of it: the re-drives are counted on /metrics.
    const counted =
      (await metricsRegistry.getSingleMetric('expediente_reconciler_redrives_total')?.get())?.values ?? [];
    console.log(`reconciler re-drives: ${JSON.stringify(counted.map((v) => [v.labels.effect, v.value]))}`);
    expect(counted.find((v) => v.labels.effect === 'receipt')?.value ?? 0).toBeGreaterThan(0);
  });
});
