import type { Browser } from 'playwright-core';
import { eventually } from '../support/async';
import { focused, launchBrowser, PageTour, tabTo, tour } from '../support/browser';
import { ApiClient, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

const CITIZEN = '34567890V';
const SUPERVISOR = '50123456Q';
const REVIEWER = '50234567Z';
const AUDITOR = '58901234M';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type History = {
  items: { id: string; type: string; position: number; recordedAt: string }[];
  next: string | null;
};

/**
 * An auditor reads a case filed and driven through its review: finds it, reads every event, steps
 * back to a moment between two steps, compares two points, and searches who did what, page by page.
 */
describe('the auditor’s pages', () => {
  let system: RunningSystem;
  let browser: Browser;
  let caseId = '';
  /** An instant after the reviewer was assigned and before information was asked for. */
  let between = new Date();
  let history: History['items'] = [];

  beforeAll(async () => {
    system = await startSystem({ backoffice: true });
    browser = await launchBrowser();
    const staff = (subject: string, name: string, roles: string[]) =>
      ApiClient.login(system.api, { subject, name, roles, levelOfAssurance: 'certificate', unit: 'INSS-28' });
    const supervisor = await staff(SUPERVISOR, 'Supervisora Ruiz', ['supervisor']);
    const reviewer = await staff(REVIEWER, 'Pablo Moreno Díaz', ['reviewer']);
    const citizen = await ApiClient.login(system.api, {
      subject: CITIZEN,
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'clave-permanente',
      mobile: '+34600000004',
    });
    caseId = (
      await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
        subject: CITIZEN,
        benefitRequestRef: 'IT-2026-007001',
        provinceCode: '28',
      })
    ).body.caseId;
    const filing = `/filings/medical-reports/${caseId}`;
    await citizen.upload(`${filing}/attachments`, {
      name: 'informe.pdf',
      bytes: pdfBytes(caseId),
      kind: 'medical-report',
    });
    await citizen.request('POST', `${filing}/signing-code`);
    const submitted = await citizen.request(
      'POST',
      `${filing}/submission`,
      { signingCode: await citizen.lastSmsCode() },
      { 'idempotency-key': `audit-pages-${caseId}` },
    );
    expect(submitted.status).toBe(201);
    const review = `/reviews/${caseId}`;
    // The worker routes the filing and opens the review; on a busy machine that can take a while.
    await eventually(
      async () => (await supervisor.request('GET', review)).status === 200,
      'the review to open',
      60_000,
    );
    const opened = await supervisor.request('GET', review);
    await supervisor.request(
      'POST',
      `${review}/assignment`,
      { reviewerId: REVIEWER },
      { 'if-match': opened.headers.get('etag')! },
    );
    // The state form reads whole seconds: leave one clear second either side of `between`.
    await pause(1100);
    between = new Date(Math.floor(Date.now() / 1000) * 1000);
    await pause(1100);
    await reviewer.request('POST', `${review}/information-requests`, {
      requested: 'Aporte el informe de neurología.',
    });
    const doc = await citizen.upload(`${review}/information/documents`, {
      name: 'neuro.pdf',
      bytes: pdfBytes('neuro'),
    });
    await citizen.request('POST', `${review}/information/signing-code`);
    const provided = await citizen.request('POST', `${review}/information`, {
      statement: 'Adjunto el informe.',
      documents: [(doc.body as { document: { blobHash: string } }).document.blobHash],
      signingCode: await citizen.lastSmsCode(),
    });
    expect(provided.status).toBeLessThan(300);
    const evaluated = await reviewer.request('POST', `${review}/evaluation`, { findings: 'Acreditado.' });
    expect(evaluated.status).toBeLessThan(300);
    const auditor = await ApiClient.login(system.api, {
      subject: AUDITOR,
      name: 'Auditora',
      roles: ['auditor'],
      levelOfAssurance: 'certificate',
    });
    await eventually(async () => {
      history = (await auditor.request<History>('GET', `/audit/cases/${caseId}/history?limit=500`)).body
        .items;
      const evaluation = history.find((e) => e.type === 'CaseEvaluated');
      const alerted = history.some((e) => e.type === 'AlertSent' || e.type === 'AlertFailed');
      const activity = await auditor.request<{ items: { eventId: string }[] }>(
        'GET',
        `/audit/activity?caseId=${caseId}&limit=200`,
      );
      return (
        alerted && evaluation !== undefined && activity.body.items.some((e) => e.eventId === evaluation.id)
      );
    }, 'the evaluation and its alert recorded, and the activity projection caught up');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const logIn = async (t: PageTour, person: string) => {
    await t.page.goto(`${system.web}/login`);
    await t.page.check(`input[name="person"][value^="${person}"]`);
    await t.page.click('form[action="/login"] button[type="submit"]');
  };

  it('downloads the case’s signed export from its page', async () => {
    const t = await tour(browser, 'audit-export');
    await logIn(t, AUDITOR);
    await t.page.waitForURL(`${system.web}/audit`);
    await t.page.goto(`${system.web}/audit/cases/${caseId}`);
    const href = await t.page.getAttribute('#verify-export a[href$="/export"]', 'href');
    const download = await t.page.request.get(`${system.web}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('application/zip');
    expect((await download.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await t.close();
  });

  it('finds the case, reads every event, steps back between two steps and compares two points', async () => {
    const t = await tour(browser, 'audit');
    await logIn(t, AUDITOR);
    await t.page.waitForURL(`${system.web}/audit`);
    expect(await t.page.textContent('h1')).toBe('Auditoría');
    await t.check('start');

    await t.page.fill('#find-caseId', 'no-es-un-id');
    await t.page.click('form[action="/audit/find"] button');
    expect(await t.page.textContent('.error-summary')).toContain('Escriba el identificador completo');
    await t.check('find-error');
    await t.page.fill('#find-caseId', '4f0c2a9e-8d1b-4c57-9a3e-2b6f1d0c7e55');
    await t.page.click('form[action="/audit/find"] button');
    expect(await t.page.textContent('.error-summary')).toContain(
      'No hay ningún expediente con ese identificador',
    );
    await t.page.fill('#find-caseId', caseId);
    await t.page.click('form[action="/audit/find"] button');
    await t.page.waitForURL(`${system.web}/audit/cases/${caseId}`);
    expect(await t.page.textContent('h1')).toBe('Historia del expediente');
    for (const event of history) expect(await t.page.locator(`#event-${event.position}`).count()).toBe(1);
    expect(await t.page.locator('tr.event').count()).toBe(history.length);
    const events = (await t.page.textContent('#events')) ?? '';
    expect(events).toContain('Firmó y presentó los informes');
    expect(events).toContain('Lucía Martín Gil');
    expect(events).toContain('Cl@ve permanente');
    expect(await t.page.textContent('#verify-export')).toContain('Descargar la exportación firmada');
    const first = t.page.locator('tr.event-details details').first();
    await first.locator('summary').click();
    await t.page.locator('tr.event details.hash-details').first().locator('summary').click();
    await t.check('history');

    // A moment between the assignment and the information request: still assigned, never awaiting.
    await t.page.click('a:text("Estado actual")');
    expect(await t.page.textContent('#review-status')).toContain('Evaluado');
    const madrid = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Madrid',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(between);
    const part = (type: string) => madrid.find((p) => p.type === type)!.value;
    await t.page.fill('#date', `${part('year')}-${part('month')}-${part('day')}`);
    await t.page.fill('#time', `${part('hour')}:${part('minute')}:${part('second')}`);
    await t.page.click('form:has(#date) button');
    expect(await t.page.textContent('#review-status')).toContain('Asignado');
    expect(await t.page.textContent('#citizen-status')).toContain('En estudio');
    expect(await t.page.textContent('#point')).toContain('Asignó una persona revisora');
    await t.check('state-between');
    await t.page.click('a[rel="next"]');
    const later = history.find((e) => Date.parse(e.recordedAt) > between.getTime())!;
    expect(await t.page.textContent('#point')).toContain(String(later.position));
    await t.page.click('a[rel="prev"]');
    expect(await t.page.textContent('#review-status')).toContain('Asignado');

    await t.page.goto(`${system.web}/audit/cases/${caseId}/state?date=2026-02-30&time=10:00`);
    expect(await t.page.textContent('.error-summary')).toContain('Escriba un día que exista');
    await t.check('state-bad-date');

    // What the assignment changed, and who did it with which level of assurance.
    await t.page.goto(`${system.web}/audit/cases/${caseId}`);
    const assigned = history.find((e) => e.type === 'ReviewerAssigned')!;
    await t.page.click(`#event-${assigned.position} a:text("Qué cambió")`);
    const changes = (await t.page.textContent('#changes')) ?? '';
    expect(changes).toContain('review.status');
    expect(changes).toContain('open');
    expect(changes).toContain('assigned');
    expect(changes).toContain('Supervisora Ruiz');
    expect(changes).toContain('Supervisión');
    expect(changes).toContain('Certificado electrónico');
    await t.check('diff-assignment');
    const [from, to] = [history[0]!.position, history[history.length - 1]!.position];
    await t.page.selectOption('#from', String(to));
    await t.page.selectOption('#to', String(from));
    await t.page.click('form[action$="/diff"] button');
    expect(await t.page.textContent('.error-summary')).toContain(
      'El punto de inicio debe ser anterior al de fin',
    );
    await t.check('diff-backwards');

    const unknown = await t.page.goto(`${system.web}/audit/cases/4f0c2a9e-8d1b-4c57-9a3e-2b6f1d0c7e55`);
    expect(unknown?.status()).toBe(404);
    await t.check('unknown-case');
    await t.close();
  });

  it('searches who did what by actor, a page at a time, and says what is wrong with a search', async () => {
    const t = await tour(browser, 'audit-activity');
    await logIn(t, AUDITOR);
    await t.page.waitForURL(`${system.web}/audit`);
    await t.page.fill('#actor', CITIZEN.toLowerCase());
    await t.page.click('form[action="/audit"] button');
    const all = (await t.page.textContent('#results')) ?? '';
    expect(all).toContain('Firmó y presentó los informes');
    expect(all).toContain('Ciudadanía');
    expect(all).toContain('Cl@ve permanente');
    const total = await t.page.locator('#results tbody tr').count();
    expect(total).toBeGreaterThan(2);
    await t.check('activity');

    await t.page.goto(`${t.page.url()}&limit=2`);
    let seen = await t.page.locator('#results tbody tr').count();
    expect(seen).toBe(2);
    while (await t.page.locator('a[rel="next"]').count()) {
      await t.page.click('a[rel="next"]');
      seen += await t.page.locator('#results tbody tr').count();
    }
    expect(seen).toBe(total);
    await t.check('activity-last-page');
    await t.page.click('text=Volver a la primera página');
    expect(await t.page.locator('#results tbody tr').count()).toBe(2);

    await t.page.goto(`${system.web}/audit?search=1&actor=12345678A&from=2026-02-30&to=2026-01-01`);
    const summary = (await t.page.textContent('.error-summary')) ?? '';
    expect(summary).toContain('Escriba un DNI o NIE válido');
    expect(summary).toContain('Escriba un día de inicio que exista');
    await t.check('activity-errors');
    await t.page.goto(`${system.web}/audit?search=1&from=2026-12-01&to=2026-11-01`);
    expect(await t.page.textContent('.error-summary')).toContain(
      'El día de inicio debe ser el mismo que el de fin o anterior',
    );
    await t.close();
  });

  it('reads in Catalan and English', async () => {
    const t = await tour(browser, 'audit-languages', { locale: 'ca-ES' });
    await logIn(t, AUDITOR);
    await t.page.waitForURL(`${system.web}/audit`);
    expect(await t.page.getAttribute('html', 'lang')).toBe('ca');
    expect(await t.page.textContent('h1')).toBe('Auditoria');
    await t.check('start-ca');
    await t.page.goto(`${system.web}/audit/cases/${caseId}`);
    expect(await t.page.textContent('#events')).toContain('Va signar i presentar els informes');
    await t.check('history-ca');
    await t.page.goto(`${system.web}/audit/cases/${caseId}/state`);
    expect(await t.page.textContent('#review-status')).toContain('Avaluat');
    await t.check('state-ca');

    await t.page.goto(`${system.web}/audit/cases/${caseId}/diff?lang=en`);
    expect(await t.page.textContent('h1')).toBe('What changed between two points');
    expect(await t.page.textContent('#changes')).toContain('Electronic certificate');
    await t.check('diff-en');
    await t.page.goto(`${system.web}/audit?search=1&actor=${REVIEWER}`);
    expect(await t.page.textContent('#results')).toContain('Asked the citizen for information');
    await t.check('activity-en');
    await t.close();
  });

  it('works from the keyboard alone: find the case, its history, a state', async () => {
    const t = await tour(browser, 'audit-keyboard', { javaScript: false });
    await logIn(t, AUDITOR);
    await t.page.waitForURL(`${system.web}/audit`);
    await tabTo(t.page, '#find-caseId');
    await t.page.keyboard.type(caseId);
    await t.page.keyboard.press('Enter');
    await t.page.waitForURL(`${system.web}/audit/cases/${caseId}`);
    await tabTo(t.page, 'a[href$="/state"]');
    expect((await focused(t.page))?.tagName).toBe('a');
    await tabTo(t.page, 'tr.event a[href*="/state?position="]', 80);
    await t.page.keyboard.press('Enter');
    await t.page.waitForURL(/\/state\?position=\d+/);
    expect(await t.page.textContent('#point')).toContain('Empezó un borrador');
    await tabTo(t.page, 'a[rel="next"]');
    expect((await focused(t.page))?.outline).toBe('solid');
    await t.page.keyboard.press('Enter');
    await t.page.waitForURL(/\/state\?position=\d+/);
    expect(await t.page.textContent('#point')).toContain('Adjuntó un documento a los informes');
    await t.close();
  });

  it('is for auditors only: a citizen and a reviewer get a page saying so', async () => {
    for (const [person, suite] of [
      ['23456789D', 'audit-refused-citizen'],
      [REVIEWER, 'audit-refused-reviewer'],
    ] as const) {
      const t = await tour(browser, suite);
      await logIn(t, person);
      await t.page.waitForURL((url) => !url.pathname.startsWith('/login'));
      for (const path of ['/audit', `/audit/cases/${caseId}`]) {
        const refused = await t.page.goto(`${system.web}${path}`);
        expect(refused?.status()).toBe(403);
        expect(await t.page.textContent('h1')).toBe('No tiene acceso a esta página');
      }
      await t.check('refused');
      await t.close();
    }
  });
});
