import createClient from 'openapi-fetch';
import type { paths } from '@expediente/infra/api-client/expediente-api';
import { pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * A client generated from the OpenAPI document (openapi-typescript types, openapi-fetch) files
 * a case and follows it: the document is enough to drive the API, and the compiler checks
 * every path, parameter and body below against it.
 */
describe('the API through the client generated from its OpenAPI document', () => {
  let system: RunningSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('logs in, files medical reports, submits them idempotently and follows the case to its receipt', async () => {
    const api = createClient<paths>({ baseUrl: system.api });
    const login = await api.POST('/dev/login', {
      body: {
        subject: '34567890V',
        name: 'Lucía Martín Gil',
        roles: ['citizen'],
        levelOfAssurance: 'certificate',
      },
    });
    expect(login.response.status).toBe(200);
    const headers = { authorization: `Bearer ${login.data!.token}` };

    const draft = await api.POST('/filings/medical-reports', {
      headers,
      body: { subject: '34567890V', benefitRequestRef: 'IT-2026-007001', provinceCode: '28' },
    });
    expect(draft.response.status).toBe(201);
    const caseId = draft.data!.caseId;

    const attached = await api.POST('/filings/medical-reports/{caseId}/attachments', {
      headers,
      params: { path: { caseId } },
      body: { file: 'informe.pdf', kind: 'medical-report' },
      bodySerializer: () => {
        const form = new FormData();
        form.append('kind', 'medical-report');
        form.append(
          'file',
          new Blob([new Uint8Array(pdfBytes(caseId))], { type: 'application/pdf' }),
          'informe.pdf',
        );
        return form;
      },
    });
    expect(attached.response.status).toBe(201);
    expect(attached.data!.attachment.filename).toBe('informe.pdf');

    const submit = () =>
      api.POST('/filings/medical-reports/{caseId}/submission', {
        params: { path: { caseId }, header: { 'Idempotency-Key': `typed-client-${caseId}` } },
        headers,
        body: {},
      });
    const first = await submit();
    expect(first.response.status).toBe(201);
    const again = await submit();
    expect(again.data!.registryEntry).toEqual(first.data!.registryEntry);

    const refused = await api.GET('/cases/{caseId}', {
      params: { path: { caseId: '00000000-0000-4000-8000-000000000000' } },
      headers,
    });
    expect(refused.response.status).toBe(404);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.error).toMatchObject({ code: 'CASE_NOT_FOUND' });

    for (let tries = 0; ; tries++) {
      const status = await api.GET('/cases/{caseId}', { params: { path: { caseId } }, headers });
      expect(status.response.status).toBe(200);
      if (status.data!.receipt?.status === 'ready' || tries > 100) {
        expect(status.data!.receipt?.status).toBe('ready');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const mine = await api.GET('/me/cases', { headers, params: { query: { limit: 10 } } });
    expect(mine.data!.items.map((item) => item.caseId)).toContain(caseId);

    const verified = await api.GET('/verify/{csv}', { params: { path: { csv: first.data!.receiptCsv } } });
    expect(verified.response.status).toBe(200);
    expect(verified.data!.kind).toBe('proof-of-receipt');
  });
});
