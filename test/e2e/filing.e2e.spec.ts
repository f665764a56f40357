import { collect } from '../support/async';
import { ApiClient, pdfBytes, Reply } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';
import { verifyDetachedCms } from '../support/verify-cms';
import { readZip } from '../support/zip';

type Submitted = {
  caseId: string;
  registryEntry: { number: string; registeredAt: string };
  receiptCsv: string;
  unit: { id: string; name: string };
};
type CaseView = {
  status: string;
  unit: { id: string } | null;
  receipt: { status: string; csv: string | null };
};

/** What a citizen does, end to end: real PostgreSQL, Redis, Chromium and HTTP. */
describe('filing through the electronic register', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(() => system?.stop());

  const downloadAndVerifyReceipt = async (filer: ApiClient, caseId: string) => {
    await filer.until<CaseView>(
      `/cases/${caseId}`,
      (r) => r.body.receipt?.status === 'ready',
      'the proof of receipt',
    );
    const zip = await filer.request<Buffer>('GET', `/cases/${caseId}/receipt`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toContain('application/zip');
    const entries = await readZip(zip.body);
    const pdf = entries.get('receipt.pdf')!;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(verifyDetachedCms(entries.get('receipt.pdf.p7s')!, pdf).valid).toBe(true);
    expect(
      verifyDetachedCms(entries.get('receipt.pdf.p7s')!, Buffer.concat([pdf, Buffer.from(' ')])).valid,
    ).toBe(false);
    return pdf;
  };

  it('lets a representative with Cl@ve permanente file medical reports for the person they represent, routed to ICAM', async () => {
    const principal = await ApiClient.login(system.api, {
      subject: '23456789D',
      name: 'Núria Puig Soler',
      levelOfAssurance: 'certificate',
    });
    const proxy = await ApiClient.login(system.api, {
      subject: '12345678Z',
      name: 'Jordi Vila Roca',
      levelOfAssurance: 'clave-permanente',
      mobile: '+34600000001',
    });

    const granted = await principal.request<{ powerId: string }>('POST', '/powers', {
      proxy: '12345678Z',
      procedures: ['medical-report-submission'],
      validFrom: '2026-01-01',
      validUntil: '2027-12-31',
    });
    expect(granted.status).toBe(201);
    expect((await proxy.request('POST', `/powers/${granted.body.powerId}/acceptance`)).status).toBe(201);
    await proxy.until<unknown[]>(
      '/powers',
      (r) => JSON.stringify(r.body).includes('"accepted"'),
      'the power in the register',
    );

    const draft = await proxy.request<{ caseId: string; version: number }>(
      'POST',
      '/filings/medical-reports',
      {
        subject: '23456789D',
        benefitRequestRef: 'IP-2026-004567',
        provinceCode: '08',
      },
    );
    expect(draft.status).toBe(201);
    const { caseId } = draft.body;
    const path = `/filings/medical-reports/${caseId}`;
    for (const name of ['informe-neurologia.pdf', 'informe-traumatologia.pdf']) {
      const uploaded = await proxy.upload(`${path}/attachments`, {
        name,
        bytes: pdfBytes(name, 2000),
        kind: 'medical-report',
      });
      expect(uploaded.status).toBe(201);
    }

    const code = await proxy.request('POST', `${path}/signing-code`);
    expect(code.status).toBe(202);
    const signingCode = await proxy.lastSmsCode();
    const submit = (key: string, body: unknown): Promise<Reply<Submitted>> =>
      proxy.request<Submitted>('POST', `${path}/submission`, body, { 'idempotency-key': key });
    const first = await submit('resubmit-key-0001', { signingCode });
    expect(first.status).toBe(201);
    expect(first.body.registryEntry.number).toMatch(/^\d{4}\/\d{6}$/);
    expect(first.body.unit).toMatchObject({ id: 'ICAM' });
    // The register records whom it filed for by name, as the principal gave it granting the power.
    const submitted = (await collect(system.storage.eventStore.readStream(`case-${caseId}`))).find(
      (e) => e.type === 'ReportsSubmitted',
    );
    expect(submitted?.data).toMatchObject({ subject: '23456789D', subjectName: 'Núria Puig Soler' });

    const again = await submit('resubmit-key-0001', { signingCode });
    expect(again.status).toBe(200);
    expect(again.body.registryEntry).toEqual(first.body.registryEntry);
    expect(again.body.receiptCsv).toBe(first.body.receiptCsv);
    const otherBody = await submit('resubmit-key-0001', { signingCode: '000000' });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });

    const routed = await proxy.until<CaseView>(
      `/cases/${caseId}`,
      (r) => r.body.status === 'routed',
      'routing',
    );
    expect(routed.body.unit).toMatchObject({ id: 'ICAM' });
    await downloadAndVerifyReceipt(proxy, caseId);

    const verify = await fetch(`${system.api}/verify/${first.body.receiptCsv}`);
    expect(verify.status).toBe(200);
    expect(await verify.json()).toMatchObject({ registryEntry: { number: first.body.registryEntry.number } });

    const proxyCases = await proxy.request<{ items: { caseId: string }[] }>('GET', '/me/cases');
    expect(proxyCases.body.items.map((c) => c.caseId)).toContain(caseId);
    const principalCases = await principal.request<{ items: { caseId: string }[] }>('GET', '/me/cases');
    expect(principalCases.body.items.map((c) => c.caseId)).toContain(caseId);
    const timeline = await principal.request<{ text: string }[]>('GET', `/cases/${caseId}/timeline`);
    expect(timeline.body.map((t) => t.text).join(' ')).toContain(first.body.registryEntry.number);
  });

  it('lets a holder file an entitlement application with two beneficiaries', async () => {
    const holder = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'clave-permanente',
      mobile: '+34600000002',
    });
    const draft = await holder.request<{ caseId: string }>('POST', '/filings/entitlement-applications', {
      subject: '34567890V',
      provinceCode: '28',
      beneficiaries: [
        { name: 'Pablo Martín', birthDate: '2015-04-02', identityNumber: '45678901G' },
        { name: 'Sara Martín', birthDate: '2026-06-01' },
      ],
      paperOptOut: true,
    });
    expect(draft.status).toBe(201);
    const path = `/filings/entitlement-applications/${draft.body.caseId}`;
    expect(
      (
        await holder.upload(`${path}/attachments`, {
          name: 'solicitud.pdf',
          bytes: pdfBytes('form'),
          kind: 'application-form',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await holder.upload(`${path}/attachments`, {
          name: 'libro-familia.pdf',
          bytes: pdfBytes('family book'),
          kind: 'supporting-document',
        })
      ).status,
    ).toBe(201);
    await holder.request('POST', `${path}/signing-code`);
    const submitted = await holder.request<Submitted>(
      'POST',
      `${path}/submission`,
      { signingCode: await holder.lastSmsCode() },
      { 'idempotency-key': 'entitlement-0001' },
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body.unit.id).toBe('INSS-28');
    await downloadAndVerifyReceipt(holder, draft.body.caseId);
    const cases = await holder.request<{ items: { caseId: string; status: string }[] }>('GET', '/me/cases');
    expect(cases.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: draft.body.caseId, status: 'routed' })]),
    );
  });
});
