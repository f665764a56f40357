/**
 * Demo data for `npm start`, entered the way people would: through the API, with the
 * development identity provider. Runs once, on an empty register.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DEV_CITIZENS } from '@expediente/infra/identity/dev-personas';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';

/** The demo's people are the development log-in page's citizens, so what they filed is there when one logs in. */
export const DEMO_PEOPLE: readonly Principal[] = DEV_CITIZENS;

/** A one-page PDF naming the document: uploads must parse as PDFs. */
async function pdf(label: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText(label, { x: 72, y: 760, size: 14, font });
  return document.save();
}

export async function seedDemoData(api: string): Promise<string[]> {
  const call = async (
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const form = body instanceof FormData;
    const response = await fetch(`${api}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && !form && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status >= 400)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const login = async (person: Principal) => {
    const { token } = await fetch(`${api}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(person),
    }).then((r) => r.json() as Promise<{ token: string }>);
    return token;
  };
  const upload = async (token: string, path: string, name: string, kind: string) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', new Blob([new Uint8Array(await pdf(name))], { type: 'application/pdf' }), name);
    return call(token, 'POST', path, form);
  };

  const [nuria, jordi, lucia] = await Promise.all(DEMO_PEOPLE.map(login));
  if (((await call(nuria!, 'GET', '/me/cases')) as { items: unknown[] }).items.length > 0) return [];

  const { powerId } = (await call(nuria!, 'POST', '/powers', {
    proxy: '12345678Z',
    procedures: ['medical-report-submission', 'notifications'],
    validFrom: '2026-01-01',
    validUntil: '2028-12-31',
  })) as { powerId: string };
  await call(jordi!, 'POST', `/powers/${powerId}/acceptance`);

  const reports = (await call(nuria!, 'POST', '/filings/medical-reports', {
    subject: '23456789D',
    benefitRequestRef: 'IP-2026-004567',
    provinceCode: '08',
  })) as { caseId: string };
  await upload(
    nuria!,
    `/filings/medical-reports/${reports.caseId}/attachments`,
    'informe-neurologia.pdf',
    'medical-report',
  );
  await call(
    nuria!,
    'POST',
    `/filings/medical-reports/${reports.caseId}/submission`,
    {},
    { 'idempotency-key': `demo-${reports.caseId}` },
  );

  const application = (await call(lucia!, 'POST', '/filings/entitlement-applications', {
    subject: '34567890V',
    provinceCode: '28',
    beneficiaries: [{ name: 'Pablo Martín', birthDate: '2015-04-02' }],
    paperOptOut: true,
  })) as { caseId: string };
  await upload(
    lucia!,
    `/filings/entitlement-applications/${application.caseId}/attachments`,
    'solicitud.pdf',
    'application-form',
  );

  return [
    `medical reports filed by Núria Puig (23456789D) to ICAM: case ${reports.caseId}`,
    `power of attorney from Núria Puig to Jordi Vila (12345678Z): ${powerId}`,
    `entitlement application draft by Lucía Martín (34567890V): case ${application.caseId}`,
  ];
}
