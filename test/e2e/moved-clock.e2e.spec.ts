import { ApiClient, pdfBytes, Reply } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Submitted = { caseId: string; registryEntry: { number: string; registeredAt: string } };
type Problem = { code: string; facts: { powers: { powerId: string; reason: string }[] } };

/**
 * One clock: every time a filing records (its register number and date, the date powers are
 * judged on, the signing code's expiry) comes from the command's metadata, which reads the
 * process clock that development moves with POST /dev/clock/advance.
 */
describe('filing after the clock moved into the next year', () => {
  let system: RunningSystem;
  let thisYear: number;
  const clockNow = async () =>
    new Date(((await (await fetch(`${system.api}/dev/clock`)).json()) as { now: string }).now);

  beforeAll(async () => {
    system = await startSystem();
    thisYear = (await clockNow()).getUTCFullYear();
  });
  afterAll(() => system?.stop());

  const login = (subject: string, name: string, levelOfAssurance: 'certificate' | 'clave-permanente') =>
    ApiClient.login(system.api, { subject, name, levelOfAssurance, mobile: '+34600000077' });

  const grantAndAccept = async (
    principal: ApiClient,
    proxy: ApiClient,
    validFrom: string,
    validUntil: string,
  ) => {
    const granted = await principal.request<{ powerId: string }>('POST', '/powers', {
      proxy: proxy.who.subject,
      procedures: ['medical-report-submission'],
      validFrom,
      validUntil,
    });
    expect(granted.status).toBe(201);
    expect((await proxy.request('POST', `/powers/${granted.body.powerId}/acceptance`)).status).toBe(201);
    await proxy.until<unknown[]>(
      '/powers',
      (r) => JSON.stringify(r.body).includes('"accepted"'),
      'the power',
    );
    return granted.body.powerId;
  };

  const draftFor = async (
    proxy: ApiClient,
    subject: string,
    benefitRequestRef: string,
    provinceCode: string,
  ) => {
    const draft = await proxy.request<{ caseId: string }>('POST', '/filings/medical-reports', {
      subject,
      benefitRequestRef,
      provinceCode,
    });
    expect(draft.status).toBe(201);
    const path = `/filings/medical-reports/${draft.body.caseId}`;
    const upload = { name: 'informe.pdf', bytes: pdfBytes(path), kind: 'medical-report' };
    expect((await proxy.upload(`${path}/attachments`, upload)).status).toBe(201);
    return { caseId: draft.body.caseId, path };
  };

  it('numbers and dates the entry by the moved clock, and judges powers and signing codes on that date', async () => {
    const next = thisYear + 1;
    const nextYearPrincipal = await login('23456789D', 'Núria Puig Soler', 'certificate');
    const nextYearProxy = await login('45678901G', 'Pau Ribas Soler', 'clave-permanente');
    const thisYearPrincipal = await login('12345678Z', 'María José García Fernández', 'certificate');
    const thisYearProxy = await login('34567890V', 'Lucía Martín Gil', 'certificate');
    await grantAndAccept(nextYearPrincipal, nextYearProxy, `${next}-01-01`, `${next}-12-31`);
    const expiring = await grantAndAccept(
      thisYearPrincipal,
      thisYearProxy,
      `${thisYear}-01-01`,
      `${thisYear}-12-31`,
    );
    const inForceNextYear = await draftFor(nextYearProxy, '23456789D', 'IP-2026-004567', '08');
    const expiredNextYear = await draftFor(thisYearProxy, '12345678Z', 'IT-2026-000124', '28');

    // Mid-January of next year, Madrid time.
    const hours = Math.ceil((Date.UTC(next, 0, 15, 10) - (await clockNow()).getTime()) / 3_600_000);
    expect(
      (
        await fetch(`${system.api}/dev/clock/advance`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ hours }),
        })
      ).status,
    ).toBe(200);

    const code = await nextYearProxy.request<{ expiresAt: string }>(
      'POST',
      `${inForceNextYear.path}/signing-code`,
    );
    expect(code.status).toBe(202);
    const codeIssued = await clockNow();
    expect(new Date(code.body.expiresAt).getUTCFullYear()).toBe(next);
    expect(
      Math.abs(new Date(code.body.expiresAt).getTime() - codeIssued.getTime() - 5 * 60_000),
    ).toBeLessThan(5_000);

    const before = await clockNow();
    const filed: Reply<Submitted> = await nextYearProxy.request<Submitted>(
      'POST',
      `${inForceNextYear.path}/submission`,
      { signingCode: await nextYearProxy.lastSmsCode() },
      { 'idempotency-key': `moved-${inForceNextYear.caseId}` },
    );
    const after = await clockNow();
    expect(filed.status).toBe(201);
    expect(filed.body.registryEntry.number).toBe(`${next}/000001`);
    const registeredAt = new Date(filed.body.registryEntry.registeredAt).getTime();
    expect(registeredAt).toBeGreaterThanOrEqual(before.getTime());
    expect(registeredAt).toBeLessThanOrEqual(after.getTime());
    // The proxy follows the case by a power judged in force on the moved date.
    await nextYearProxy.until(
      `/cases/${inForceNextYear.caseId}`,
      (r) => r.status === 200,
      'the proxy sees the case',
    );

    const refused = await thisYearProxy.request<Problem>(
      'POST',
      `${expiredNextYear.path}/submission`,
      {},
      { 'idempotency-key': `moved-${expiredNextYear.caseId}` },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('REPRESENTATION_REQUIRED');
    expect(refused.body.facts.powers).toEqual([{ powerId: expiring, reason: 'expired' }]);
  });
});
