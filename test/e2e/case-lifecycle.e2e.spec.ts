import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { LocalDiskBlobStore } from '@expediente/infra/blobs/blob-store.local';
import { eventually } from '../support/async';
import { decideReview, eventsOf, fileMadridCase, reviewer, supervisor } from '../support/cases';
import { ApiClient, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';
import { verifyDetachedCms } from '../support/verify-cms';

type Inbox = { items: { notificationId: string; caseId: string }[] };

/**
 * A case from filing to closing, everyone over HTTP: the medical unit assigns, asks for
 * information, the citizen answers (signed), the unit evaluates and resolves; the worker
 * renders and seals the letter and notifies; the citizen opens the notification with
 * Cl@ve permanente and an SMS code and accepts it; the case closes.
 */
describe('a case through the medical unit to the citizen', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  it('is assigned, informed, evaluated, resolved, notified, accepted and closed', async () => {
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'clave-permanente',
      mobile: '+34600000003',
    });
    const supervisor = await ApiClient.login(system.api, {
      subject: '50123456Q',
      name: 'Supervisora INSS Madrid',
      roles: ['supervisor'],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    });
    const reviewer = await ApiClient.login(system.api, {
      subject: '50234567Z',
      name: 'Revisor INSS Madrid',
      roles: ['reviewer'],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    });
    const icam = await ApiClient.login(system.api, {
      subject: '60234567M',
      name: 'Revisora ICAM',
      roles: ['reviewer'],
      levelOfAssurance: 'certificate',
      unit: 'ICAM',
    });

    const { caseId } = (
      await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: '34567890V',
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body;
    const filing = `/filings/medical-reports/${caseId}`;
    await citizen.upload(`${filing}/attachments`, {
      name: 'informe.pdf',
      bytes: pdfBytes('informe inicial'),
      kind: 'medical-report',
    });
    await citizen.request('POST', `${filing}/signing-code`);
    const submitted = await citizen.request(
      'POST',
      `${filing}/submission`,
      { signingCode: await citizen.lastSmsCode() },
      { 'idempotency-key': `lifecycle-${caseId}` },
    );
    expect(submitted.status).toBe(201);

    const review = `/reviews/${caseId}`;
    const opened = await supervisor.until(review, (r) => r.status === 200, 'the review to open on routing');
    expect((await icam.request('GET', review)).status).toBe(404);

    const assigned = await supervisor.request(
      'POST',
      `${review}/assignment`,
      { reviewerId: '50234567Z' },
      { 'if-match': opened.headers.get('etag')! },
    );
    expect(assigned.status).toBe(200);
    expect(
      (
        await reviewer.request('POST', `${review}/information-requests`, {
          requested: 'Aporte el informe de la última revisión de neurología.',
        })
      ).status,
    ).toBe(201);

    const doc = await citizen.upload(`${review}/information/documents`, {
      name: 'neurologia-2026.pdf',
      bytes: pdfBytes('neurología'),
    });
    expect(doc.status).toBe(201);
    const blobHash = (doc.body as { document: { blobHash: string } }).document.blobHash;
    await citizen.request('POST', `${review}/information/signing-code`);
    const provided = await citizen.request('POST', `${review}/information`, {
      statement: 'Adjunto el informe.',
      documents: [blobHash],
      signingCode: await citizen.lastSmsCode(),
    });
    expect(provided.status).toBe(201);

    expect(
      (
        await reviewer.request(
          'POST',
          `${review}/resolution`,
          { outcome: 'granted', grounds: 'x', legalBasis: 'y' },
          { 'if-match': '"0"' },
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await reviewer.request('POST', `${review}/evaluation`, {
          findings: 'Los informes acreditan la situación.',
        })
      ).status,
    ).toBe(200);
    const current = await reviewer.request('GET', review);
    const resolved = await reviewer.request(
      'POST',
      `${review}/resolution`,
      {
        outcome: 'granted',
        grounds: 'Se acredita la situación clínica.',
        legalBasis: 'Artículo 193 del texto refundido de la Ley General de la Seguridad Social.',
      },
      { 'if-match': current.headers.get('etag')! },
    );
    expect(resolved.status).toBe(200);

    const inbox = await citizen.until<Inbox>(
      '/me/notifications',
      (r) => r.body.items?.some((n) => n.caseId === caseId),
      'the notification',
    );
    const { notificationId } = inbox.body.items.find((n) => n.caseId === caseId)!;

    // The letter: rendered, sealed, stored, and exactly what ResolutionIssued names.
    const issued = (await eventsOf(system, `review-${caseId}`)).find((e) => e.type === 'ResolutionIssued')!;
    const { documentHash, signatureHash, csv } = issued.data as {
      documentHash: string;
      signatureHash: string;
      csv: string;
    };
    // Anyone can check the letter by the CSV printed on it.
    await citizen.until(`/verify/${csv}`, (r) => r.status === 200, 'the letter to be verifiable');
    const verified = await fetch(`${system.api}/verify/${csv}`);
    expect(await verified.json()).toMatchObject({ kind: 'resolution', caseId, pdfSha256: documentHash });
    const original = Buffer.from(
      await (await fetch(`${system.api}/verify/${csv}/document.pdf`)).arrayBuffer(),
    );
    expect(createHash('sha256').update(original).digest('hex')).toBe(documentHash);

    const mobileLogin = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'clave-movil',
    });
    const refused = await mobileLogin.request('POST', `/notifications/${notificationId}/access`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'LEVEL_OF_ASSURANCE_TOO_LOW' });

    expect((await citizen.request('POST', `/notifications/${notificationId}/access`)).status).toBe(200);
    const pdf = await citizen.request<Buffer>('GET', `/notifications/${notificationId}/document`);
    expect(pdf.status).toBe(200);
    expect(createHash('sha256').update(pdf.body).digest('hex')).toBe(documentHash);
    const blobs = new LocalDiskBlobStore(join(system.env.DATA_DIR!, 'blobs'));
    const chunks: Buffer[] = [];
    for await (const chunk of blobs.open(signatureHash)) chunks.push(chunk as Buffer);
    expect(verifyDetachedCms(Buffer.concat(chunks), pdf.body).valid).toBe(true);

    await citizen.request('POST', `/notifications/${notificationId}/signing-code`);
    const accepted = await citizen.request('POST', `/notifications/${notificationId}/acceptance`, {
      signingCode: await citizen.lastSmsCode(),
    });
    expect(accepted.status).toBe(200);

    await eventually(
      async () => (await eventsOf(system, `review-${caseId}`)).some((e) => e.type === 'CaseClosed'),
      'the case to close',
    );
    const types = (await eventsOf(system, `review-${caseId}`)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'ReviewOpened',
        'ReviewerAssigned',
        'InformationRequested',
        'InformationProvided',
        'CaseEvaluated',
        'CaseResolved',
        'ResolutionIssued',
        'CaseClosed',
      ]),
    );
    // The paper copy is in the log too, and a closed case owes nothing more.
    await eventually(
      async () => (await eventsOf(system, `paper-post-${caseId}`)).length > 0,
      'the paper copy to be posted',
    );
    expect((await eventsOf(system, `paper-post-${caseId}`)).map((e) => e.type)).toEqual(['PaperCopyPosted']);
    const settled = Math.max(
      ...(await eventsOf(system, `paper-post-${caseId}`)).map((e) => e.position),
      ...(await eventsOf(system, `review-${caseId}`)).map((e) => e.position),
    );
    const owed = async () => {
      const [checkpoint] = await system.storage.sql.query<{ position: string }>(
        `SELECT position FROM projection_checkpoints WHERE name = 'outstanding-effects'`,
      );
      if (Number(checkpoint?.position ?? 0) < settled) return undefined;
      const rows = await system.storage.sql.query<{ effect: string }>(
        'SELECT effect FROM outstanding_effects WHERE key IN ($1, $2)',
        [caseId, notificationId],
      );
      return rows.map((row) => row.effect);
    };
    await eventually(async () => (await owed()) !== undefined, 'the outstanding effects to catch up');
    expect(await owed()).toEqual([]);
    const proof = (await eventsOf(system, `notification-${notificationId}`)).map((e) => [
      e.type,
      e.metadata.actor,
    ]);
    expect(proof).toEqual([
      ['NotificationMadeAvailable', 'system:worker'],
      ['NotificationAccessed', '34567890V'],
      ['NotificationAccepted', '34567890V'],
    ]);
  });

  it('lets a proxy holding a power over notifications open one with a certificate and reject it', async () => {
    const caseId = await fileMadridCase(system);
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-28' },
    });
    await decideReview(system, caseId, reviewer, 'EvaluateCase', { findings: 'Sin novedad.' });
    await decideReview(system, caseId, reviewer, 'ResolveCase', {
      outcome: 'denied',
      grounds: 'No se acredita.',
      legalBasis: 'Art. 193 LGSS.',
    });

    const principal = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const proxy = await ApiClient.login(system.api, {
      subject: '87654321X',
      name: 'Gestor Apoderado',
      levelOfAssurance: 'certificate',
    });
    const { powerId } = (
      await principal.request<{ powerId: string }>('POST', '/powers', {
        proxy: '87654321X',
        procedures: ['notifications'],
        validFrom: '2026-01-01',
        validUntil: '2027-12-31',
      })
    ).body;
    await proxy.request('POST', `/powers/${powerId}/acceptance`);

    const inbox = await proxy.until<Inbox>(
      '/me/notifications',
      (r) => r.body.items?.some((n) => n.caseId === caseId),
      "the principal's notification",
    );
    const { notificationId } = inbox.body.items.find((n) => n.caseId === caseId)!;
    const withClave = await ApiClient.login(system.api, {
      subject: '87654321X',
      name: 'Gestor Apoderado',
      levelOfAssurance: 'clave-permanente',
      mobile: '+34600000009',
    });
    expect((await withClave.request('POST', `/notifications/${notificationId}/access`)).status).toBe(403);
    expect((await proxy.request('POST', `/notifications/${notificationId}/access`)).status).toBe(200);
    expect(
      (await proxy.request('POST', `/notifications/${notificationId}/rejection`, { reason: 'Se recurrirá.' }))
        .status,
    ).toBe(200);

    const proof = await eventsOf(system, `notification-${notificationId}`);
    expect(proof.map((e) => e.type)).toEqual([
      'NotificationMadeAvailable',
      'NotificationAccessed',
      'NotificationRejected',
    ]);
    expect(proof[2]!.data).toMatchObject({
      actedBy: '87654321X',
      onBehalfOf: '34567890V',
      basis: { kind: 'power-of-attorney', powerId },
    });
  });
});
