import { randomUUID } from 'node:crypto';
import { CaseStatusReadModel, CaseStatusView } from '@expediente/infra/case-status/case-status.port';
import { render } from '@expediente/infra/case-status/messages/messages';
import { caseStatusFixture, NOW, UNIT } from './case-status.fixture';

export interface CaseStatusHarness {
  readonly model: CaseStatusReadModel;
  teardown(): Promise<void>;
}

/** `now` fixes "today" for powers in force: 15 June 2026 in Madrid. */
export type CaseStatusFactory = (options: { now: () => Date }) => Promise<CaseStatusHarness>;

/**
 * What every adapter of the case-status read model must do: the same events
 * give the same answers, and a replayed event changes nothing.
 */
export function caseStatusContract(adapter: string, factory: CaseStatusFactory): void {
  describe(`case-status read model contract: ${adapter}`, () => {
    let harness: CaseStatusHarness;
    let model: CaseStatusReadModel;

    const { log, ids, power, csv, receipt, people, allCases, steps } = caseStatusFixture();
    const caseIds = (page: { items: readonly CaseStatusView[] }) => page.items.map((c) => c.caseId);

    /** Everything the read side answers, for comparing two states. */
    const snapshot = async () => ({
      checkpoint: await model.checkpoint(),
      myCases: await Promise.all(people.map((p) => model.myCases(p, { limit: 100 }))),
      cases: await Promise.all(people.flatMap((p) => allCases.map((c) => model.caseFor(p, c)))),
      timelines: await Promise.all(allCases.map((c) => model.timeline(c))),
      receipts: [await model.receiptByCsv(csv), await model.receiptOfCase(ids.ana)],
      powers: await Promise.all(people.map((p) => model.powersOf(p))),
    });

    beforeAll(async () => {
      harness = await factory({ now: () => NOW });
      model = harness.model;
    });
    afterAll(async () => harness?.teardown());
    beforeEach(async () => {
      await model.reset();
      await model.apply(log);
    });

    it('advances the checkpoint to the last event applied', async () => {
      expect(await model.checkpoint()).toBe(log[log.length - 1]!.position);
    });

    it('lists the cases a person filed or is the subject of, and nobody else’s', async () => {
      expect(caseIds(await model.myCases('ana', { limit: 20 }))).toEqual([ids.ana]);
      expect(caseIds(await model.myCases('bea', { limit: 20 }))).toEqual([ids.bea]);
      expect(caseIds(await model.myCases('carlos', { limit: 20 }))).toEqual([ids.bea]);
      expect(caseIds(await model.myCases('nobody', { limit: 20 }))).toEqual([]);
    });

    it('lists the cases of whoever granted the person an accepted power in force today, and only those', async () => {
      // Not Dolores (revoked), Elena (expired yesterday), Fede (never accepted), Gema (valid from tomorrow).
      expect(await model.myCases('pablo', { limit: 20 })).toEqual({
        items: [expect.objectContaining({ caseId: ids.bea, subject: 'carlos' })],
        next: null,
      });
      expect(await model.caseFor('pablo', ids.bea)).toBeDefined();
      for (const caseId of [ids.dolores, ids.elena, ids.fede, ids.gema, ids.zoe]) {
        expect(await model.caseFor('pablo', caseId)).toBeUndefined();
      }
    });

    it('shows a case in full to those who may see it and as missing to anyone else', async () => {
      expect(await model.caseFor('ana', ids.ana)).toEqual({
        caseId: ids.ana,
        procedure: 'medical-report-submission',
        filer: 'ana',
        subject: 'ana',
        status: 'routed',
        provinceCode: '28',
        unit: UNIT,
        registryEntry: { number: '2026/000001', registeredAt: new Date(receipt.registeredAt) },
        receipt: { status: 'ready', csv },
        createdAt: log[0]!.recordedAt,
        updatedAt: log[4]!.recordedAt,
        informationRequest: null,
        outcome: null,
        notification: null,
        todo: [],
      });
      // A review step recorded after the withdrawal neither revives the case nor asks anything.
      expect(await model.caseFor('carlos', ids.bea)).toMatchObject({
        procedure: 'entitlement-application',
        status: 'withdrawn',
        receipt: { status: 'pending', csv: 'CSV2026BBBBBB0000' },
        todo: [],
      });
      expect(await model.caseFor('ana', ids.zoe)).toBeUndefined();
      expect(await model.caseFor('zoe', ids.ana)).toBeUndefined();
      expect(await model.caseFor('ana', randomUUID())).toBeUndefined();
    });

    it('tells a case’s story in plain language, in log order', async () => {
      const timeline = await model.timeline(ids.ana);
      expect(timeline.map((entry) => entry.text)).toEqual([
        'Borrador de aportación de informes médicos creado.',
        'Documento adjuntado: informe.pdf.',
        'Presentado en el registro electrónico con el número 2026/000001.',
        'Remitido a Inspección Médica de Madrid.',
        `Justificante de registro disponible (código de verificación ${csv}).`,
      ]);
      expect(timeline[0]).toEqual({
        at: log[0]!.recordedAt,
        kind: 'ReportDraftCreated',
        text: timeline[0]!.text,
        message: { key: 'timeline.ReportDraftCreated', params: {} },
      });
      expect((await model.timeline(ids.bea)).map((entry) => entry.kind)).toEqual([
        'EntitlementDraftCreated',
        'EntitlementApplicationSubmitted',
        'CaseRoutedToUnit',
        'EntitlementApplicationWithdrawn',
      ]);
    });

    it('follows the review and its notification step by step, never naming the reviewer', async () => {
      const request = { requested: 'El informe de neurología.', dueOn: '2026-06-19' };
      const notice = { lastDayToAccess: '2026-06-13', deemedRejectedAt: '2026-06-13T22:00:00.000Z' };
      const notification = (status: 'available' | 'accessed' | 'accepted') => ({
        notificationId: expect.any(String),
        status,
        ...notice,
      });
      const expected: [keyof typeof steps, Partial<CaseStatusView>][] = [
        ['routed', { status: 'routed', todo: [] }],
        ['assigned', { status: 'assigned', unit: UNIT, todo: [] }],
        [
          'informationRequested',
          {
            status: 'information-requested',
            informationRequest: request,
            todo: [{ kind: 'answer-information-request', ...request }],
          },
        ],
        ['informationProvided', { status: 'information-provided', informationRequest: null, todo: [] }],
        ['evaluated', { status: 'evaluated', outcome: null }],
        ['resolved', { status: 'resolved', outcome: 'granted', notification: null }],
        [
          'notificationAvailable',
          {
            status: 'notification-available',
            notification: notification('available'),
            todo: [{ kind: 'open-notification', notificationId: expect.any(String), ...notice }],
          },
        ],
        ['otherRejected', { status: 'notification-available', notification: notification('available') }],
        [
          'accessed',
          {
            status: 'notification-available',
            notification: notification('accessed'),
            todo: [{ kind: 'answer-notification', notificationId: expect.any(String) }],
          },
        ],
        ['accepted', { status: 'notification-accepted', notification: notification('accepted'), todo: [] }],
        [
          'closed',
          { status: 'closed', outcome: 'granted', notification: notification('accepted'), todo: [] },
        ],
      ];
      await model.reset();
      let applied = 0;
      for (const [step, view] of expected) {
        await model.apply(log.filter((e) => e.position > applied && e.position <= steps[step]));
        applied = steps[step];
        const seen = await model.caseFor('ines', ids.ines);
        expect({ step, ...seen }).toMatchObject({ step, ...view });
        expect(JSON.stringify([seen, await model.timeline(ids.ines)])).not.toContain('R-SECRET-NAME');
      }
    });

    it('tells the review in plain language, in any of its languages', async () => {
      const timeline = await model.timeline(ids.ines);
      expect(timeline.map((entry) => entry.kind)).toEqual([
        'ReportDraftCreated',
        'ReportsSubmitted',
        'CaseRoutedToUnit',
        'ReviewerAssigned',
        'InformationRequested',
        'InformationProvided',
        'CaseEvaluated',
        'CaseResolved',
        'ResolutionIssued',
        'NotificationMadeAvailable',
        'NotificationAccessed',
        'NotificationAccepted',
        'CaseClosed',
      ]);
      const asked = timeline[4]!;
      expect(asked.text).toBe(
        'La unidad médica le pide información: «El informe de neurología.». Puede aportarla hasta el 19 de junio de 2026.',
      );
      expect(render(asked.message!, 'es')).toBe(asked.text);
      expect(render(asked.message!, 'ca')).toContain('fins al 19 de juny del 2026');
      expect(render(asked.message!, 'en')).toContain('until 19 June 2026');
      expect(timeline.map((entry) => render(entry.message!, 'en')).slice(7, 9)).toEqual([
        'Your case is resolved: granted.',
        'The signed resolution was issued to be notified to you.',
      ]);
    });

    it('changes nothing when a review or notification step comes again after later ones', async () => {
      const once = await snapshot();
      const again = log.filter((e) =>
        [steps.informationRequested, steps.notificationAvailable, steps.accessed].includes(e.position),
      );
      await model.apply(again);
      for (const event of again) await model.apply([event]);
      expect(await snapshot()).toEqual(once);
    });

    it('finds a proof of receipt by its verification code and by its case', async () => {
      const expected = { ...receipt, registeredAt: new Date(receipt.registeredAt) };
      expect(await model.receiptByCsv(csv)).toEqual(expected);
      expect(await model.receiptOfCase(ids.ana)).toEqual(expected);
      expect(await model.receiptByCsv('CSV2026NOSUCH0000')).toBeUndefined();
      expect(await model.receiptOfCase(ids.bea)).toBeUndefined();
    });

    it('lists the powers a person granted or holds, and finds them between two people', async () => {
      const pablos = await model.powersOf('pablo');
      expect(pablos.map((p) => [p.principal, p.status])).toEqual([
        ['gema', 'accepted'],
        ['carlos', 'accepted'],
        ['dolores', 'revoked'],
        ['fede', 'granted'],
        ['elena', 'accepted'],
      ]);
      expect(await model.powersOf('carlos')).toEqual([
        {
          powerId: power.carlos,
          principal: 'carlos',
          proxy: 'pablo',
          procedures: ['medical-report-submission', 'entitlement-application'],
          validFrom: '2026-06-01',
          validUntil: '2026-12-31',
          status: 'accepted',
        },
      ]);
      expect(await model.powerIdsBetween('dolores', 'pablo')).toEqual([power.dolores]);
      expect(await model.powerIdsBetween('pablo', 'dolores')).toEqual([]);
    });

    it('pages by cursor, newest first, losing no case that shares its time with another', async () => {
      const seen: string[] = [];
      let before: string | undefined;
      let pages = 0;
      do {
        const page = await model.myCases('hugo', { limit: 2, before });
        seen.push(...caseIds(page));
        before = page.next ?? undefined;
        pages += 1;
      } while (before && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(caseIds(await model.myCases('hugo', { limit: 100 })));
      expect([...seen].sort()).toEqual([...ids.hugo].sort());
      // The three drafts of the same instant are the newest; the cursor splits them across pages.
      expect(seen.slice(3)).toEqual([ids.hugo[4], ids.hugo[3]]);
    });

    it('changes nothing when the same events are applied again, alone or in overlapping batches', async () => {
      const once = await snapshot();
      await model.apply(log);
      await model.apply(log.slice(3, 12));
      await model.apply([log[2]!, log[8]!, log[2]!]);
      for (const event of log.slice(-6)) await model.apply([event]);
      expect(await snapshot()).toEqual(once);
    });

    it('gives the same result when applied one event at a time', async () => {
      const batched = await snapshot();
      await model.reset();
      for (const event of log) await model.apply([event]);
      expect(await snapshot()).toEqual(batched);
    });

    it('empties on reset and rebuilds to the same result', async () => {
      const before = await snapshot();
      await model.reset();
      expect(await model.checkpoint()).toBe(0);
      expect(await model.myCases('ana', { limit: 20 })).toEqual({ items: [], next: null });
      expect(await model.timeline(ids.ana)).toEqual([]);
      expect(await model.receiptByCsv(csv)).toBeUndefined();
      expect(await model.powersOf('pablo')).toEqual([]);
      await model.apply(log.slice(0, 10));
      await model.apply(log.slice(10));
      expect(await snapshot()).toEqual(before);
    });
  });
}
