import { INestApplication } from '@nestjs/common';
import { createBackofficeApp } from '../../apps/backoffice/src/backoffice.app';
import { eventually } from '../support/async';
import { eventsOf } from '../support/cases';
import { CapturedLogs } from '../support/captured-logs';
import { ApiClient, Login, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Inbox = { items: { notificationId: string; caseId: string }[] };

const citizen: Login & { mobile: string } = {
  subject: '34567890V',
  name: 'Lucía Martín Gil',
  levelOfAssurance: 'clave-permanente',
  mobile: '+34611223344',
};
/** A proxy with an NIE, so both kinds of identity number go through the system. */
const proxy: Login = { subject: 'X1234567L', name: 'Jordi Vilaró Pons', levelOfAssurance: 'certificate' };
/** Staff as fixtures/staff.json lists them. */
const supervisor: Login = {
  subject: '50123456Q',
  name: 'Elena Ruiz Navarro',
  roles: ['supervisor'],
  levelOfAssurance: 'certificate',
  unit: 'INSS-28',
};
const reviewer: Login = {
  subject: '50234567Z',
  name: 'Pablo Moreno Díaz',
  roles: ['reviewer'],
  levelOfAssurance: 'certificate',
  unit: 'INSS-28',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A secret as it could appear in a log: as typed, URL-encoded, and (for names) word by word. */
function patterns(kind: string, value: string): { kind: string; value: string; pattern: RegExp }[] {
  const forms = new Set([value, encodeURIComponent(value)]);
  if (kind === 'name') for (const word of value.split(' ')) if (word.length >= 5) forms.add(word);
  if (kind === 'phone') forms.add(value.slice(3)); // the national number, without +34
  // A six-digit code could sit inside a timestamp or a hash; only a whole token counts.
  const bounded = kind === 'code';
  return [...forms].map((form) => ({
    kind,
    value: form,
    pattern: new RegExp(bounded ? `(?<![0-9A-Za-z])${escape(form)}(?![0-9A-Za-z])` : escape(form), 'gi'),
  }));
}

/**
 * Everything the three apps log during a whole case — filing signed with an SMS code, a power
 * to a proxy, the medical unit's work, the notification read and accepted — must name nobody.
 */
describe('what the apps log', () => {
  const logs = new CapturedLogs();
  const level = process.env.LOG_LEVEL;
  let system: RunningSystem;
  let backoffice: INestApplication;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'trace';
    system = await startSystem({ logDestination: logs });
    backoffice = await createBackofficeApp({ storage: system.storage, logDestination: logs });
    await backoffice.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await backoffice?.close();
    await system?.stop();
    process.env.LOG_LEVEL = level;
  });

  it('holds no identity number, name, phone number, signing code or token of a full journey', async () => {
    const codes: string[] = [];
    const person = await ApiClient.login(system.api, citizen);
    const codeFor = async (path: string) => {
      expect((await person.request('POST', path)).status).toBe(202);
      const code = await person.lastSmsCode();
      codes.push(code);
      return code;
    };

    const { caseId } = (
      await person.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: citizen.subject,
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body;
    const filing = `/filings/medical-reports/${caseId}`;
    await person.upload(`${filing}/attachments`, {
      name: 'informe.pdf',
      bytes: pdfBytes('informe'),
      kind: 'medical-report',
    });
    const submitted = await person.request(
      'POST',
      `${filing}/submission`,
      { signingCode: await codeFor(`${filing}/signing-code`) },
      { 'idempotency-key': `logs-${caseId}` },
    );
    expect(submitted.status).toBe(201);

    const { powerId } = (
      await person.request<{ powerId: string }>('POST', '/powers', {
        proxy: proxy.subject,
        procedures: ['notifications'],
        validFrom: '2026-01-01',
        validUntil: '2027-12-31',
      })
    ).body;
    const agent = await ApiClient.login(system.api, proxy);
    expect((await agent.request('POST', `/powers/${powerId}/acceptance`)).status).toBe(201);

    const boss = await ApiClient.login(system.api, supervisor);
    const staff = await ApiClient.login(system.api, reviewer);
    const review = `/reviews/${caseId}`;
    const opened = await boss.until(review, (r) => r.status === 200, 'the review to open on routing');
    const assigned = await boss.request(
      'POST',
      `${review}/assignment`,
      { reviewerId: reviewer.subject },
      { 'if-match': opened.headers.get('etag')! },
    );
    expect(assigned.status).toBe(200);
    const queue = await boss.request('GET', `/units/INSS-28/cases?reviewer=${reviewer.subject}`);
    expect(queue.status).toBe(200);
    expect((await staff.request('POST', `${review}/evaluation`, { findings: 'Sin novedad.' })).status).toBe(
      200,
    );
    const current = await staff.request('GET', review);
    const resolved = await staff.request(
      'POST',
      `${review}/resolution`,
      { outcome: 'granted', grounds: 'Se acredita.', legalBasis: 'Art. 193 LGSS.' },
      { 'if-match': current.headers.get('etag')! },
    );
    expect(resolved.status).toBe(200);

    const inbox = await person.until<Inbox>(
      '/me/notifications',
      (r) => r.body.items?.some((n) => n.caseId === caseId),
      'the notification',
    );
    const { notificationId } = inbox.body.items.find((n) => n.caseId === caseId)!;
    expect((await person.request('POST', `/notifications/${notificationId}/access`)).status).toBe(200);
    expect((await person.request('GET', `/notifications/${notificationId}/document`)).status).toBe(200);
    const accepted = await person.request('POST', `/notifications/${notificationId}/acceptance`, {
      signingCode: await codeFor(`/notifications/${notificationId}/signing-code`),
    });
    expect(accepted.status).toBe(200);
    await eventually(
      async () => (await eventsOf(system, `review-${caseId}`)).some((e) => e.type === 'CaseClosed'),
      'the case to close',
    );
    expect((await fetch(await backoffice.getUrl())).status).toBe(200);
    // Let the last jobs and responses write their lines.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const people = [citizen, proxy, supervisor, reviewer];
    const secrets = [
      ...people.flatMap((p) => [...patterns('identity number', p.subject), ...patterns('name', p.name)]),
      ...patterns('phone', citizen.mobile),
      // Where the worker alerts her (fixtures/contacts.json), outside any session.
      ...patterns('phone', '+34600000103'),
      ...patterns('email', 'lucia.martin@example.org'),
      ...codes.flatMap((code) => patterns('code', code)),
    ];
    const lines = logs.lines;
    const hits = secrets
      .map(({ kind, value, pattern }) => ({
        kind,
        value,
        lines: lines.filter((line) => line.match(pattern)).length,
      }))
      .filter((hit) => hit.lines > 0);
    const leaky = lines.filter((line) => secrets.some(({ pattern }) => line.match(pattern))).length;
    const tokens = lines.filter((line) => /eyJ[\w-]{10,}\.[\w-]+/.test(line)).length;
    const requests = logs.entries.filter((entry) => entry.msg === 'request completed').length;
    console.log(
      `scanned ${lines.length} lines (${requests} requests) for ${secrets.length} secret forms: ` +
        `${leaky} lines name one, ${tokens} hold a token; ${JSON.stringify(hits)}`,
    );

    // Not vacuous: every request of the journey, and the apps' own lines, were captured.
    expect(codes).toHaveLength(2);
    expect(requests).toBeGreaterThanOrEqual(25);
    expect(lines.length).toBeGreaterThan(100);
    expect(logs.entries.filter((entry) => entry.context === 'Worker').length).toBeGreaterThan(5);
    // The notification's alert went by both channels, so their lines were scanned too.
    expect(logs.entries.filter((entry) => entry.context === 'LocalEmail')).toHaveLength(1);
    expect(logs.entries.filter((entry) => entry.context === 'LocalSms').length).toBeGreaterThan(2);
    expect(hits).toEqual([]);
    expect(tokens).toBe(0);
  });

  it("echoes the caller's X-Request-Id and puts it on the request's lines and its jobs' lines", async () => {
    const requestId = `journey-${Date.now()}`;
    const person = await ApiClient.login(system.api, { ...citizen, levelOfAssurance: 'certificate' });
    const { caseId } = (
      await person.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: citizen.subject,
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body;
    await person.upload(`/filings/medical-reports/${caseId}/attachments`, {
      name: 'informe.pdf',
      bytes: pdfBytes('informe'),
      kind: 'medical-report',
    });
    const submitted = await person.request(
      'POST',
      `/filings/medical-reports/${caseId}/submission`,
      {},
      { 'idempotency-key': `logs-${caseId}`, 'x-request-id': requestId },
    );
    expect(submitted.status).toBe(201);
    expect(submitted.headers.get('x-request-id')).toBe(requestId);

    const tagged = () => logs.entries.filter((entry) => entry.correlationId === requestId);
    await eventually(
      () => tagged().some((entry) => entry.job === 'open-review' && entry.context === 'Worker'),
      'a job line of the review the submission opened',
    );
    expect(tagged()).toContainEqual(
      expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ id: requestId }) }),
    );
    expect((await eventsOf(system, `case-${caseId}`)).at(-1)?.metadata.correlationId).toBe(requestId);
  });

  it('replaces an X-Request-Id that is too long or not a plain token with a new one', async () => {
    for (const given of ['x'.repeat(129), 'two words', '{"forged":"line"}']) {
      const reply = await fetch(`${system.api}/health`, { headers: { 'x-request-id': given } });
      const echoed = reply.headers.get('x-request-id');
      expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(logs.text).not.toContain(given);
    }
  });

  it("logs Nest's route mapping at debug, not info", () => {
    const mapped = logs.entries.filter((entry) => String(entry.msg).startsWith('Mapped {'));
    expect(mapped.length).toBeGreaterThan(10);
    expect(new Set(mapped.map((entry) => entry.level))).toEqual(new Set([20]));
  });
});
