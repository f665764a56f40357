import type { Browser } from 'playwright-core';
import { fileMadridCase } from '../support/cases';
import { launchBrowser, tabTo, tour, type PageTour } from '../support/browser';
import { ApiClient } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

/** From fixtures/staff.json and the log-in page's people. */
const REVIEWER = { subject: '50234567Z', name: 'Pablo Moreno Díaz', roles: ['reviewer'], unit: 'INSS-28' };
const COLLEAGUE = '50345678N';
const ICAM_REVIEWER = '60234567M';
const CITIZEN = { subject: '34567890V', name: 'Lucía Martín Gil', levelOfAssurance: 'certificate' as const };

/** A reviewer of the competent unit works cases from the queue to the resolution, in the browser. */
describe('the reviewer’s pages', () => {
  let system: RunningSystem;
  let browser: Browser;
  let cases: string[];
  beforeAll(async () => {
    system = await startSystem({ backoffice: true });
    browser = await launchBrowser();
    cases = [];
    for (let i = 0; i < 4; i += 1) cases.push(await fileMadridCase(system));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const logIn = async (t: PageTour, person: string, lang = 'es') => {
    await t.page.goto(`${system.web}/login?lang=${lang}`);
    await t.page.check(`input[name="person"][value^="${person}"]`);
    await t.page.click('form[action="/login"] button[type="submit"]');
  };
  const row = (t: PageTour, caseId: string) =>
    t.page.locator('tr', { has: t.page.locator(`a[href="/staff/cases/${caseId}"]`) });
  const main = async (t: PageTour) => (await t.page.textContent('main')) ?? '';

  it('claims a case from the queue, asks for information seeing the due date first, evaluates, previews the letter and resolves', async () => {
    const [caseId] = cases as [string];
    const t = await tour(browser, 'staff-reviewer');
    await logIn(t, REVIEWER.subject);
    await t.page.waitForURL(`${system.web}/staff/my-work`);
    await t.check('my-work-empty');
    await t.page.goto(`${system.web}/staff/queue`);
    await t.check('queue');
    await row(t, caseId)
      .getByRole('button', { name: /Asignarme el caso/ })
      .click();
    await t.page.waitForURL(`${system.web}/staff/cases/${caseId}?done=claimed`);
    expect(await main(t)).toContain('Se le ha asignado el caso.');
    await t.check('case-claimed');

    await t.page.click(`a[href="/staff/cases/${caseId}/request-information"]`);
    const due = (await t.page.textContent('#due')) ?? '';
    expect(due).toMatch(/Si lo envía hoy, tendrá hasta el \d+ de \w+ de 20\d\d para responder/);
    expect(due).toContain('10 días hábiles contados en el calendario de Madrid');
    await t.check('request-information');
    await t.page.check('#template');
    await t.page.fill('#details', 'Incluya la fecha de la última consulta.');
    await t.page.click('main form[method="post"] button[type="submit"]');
    await t.page.waitForURL(/done=requested/);
    expect(await main(t)).toContain('Esperando a la persona interesada');
    expect(await main(t)).toMatch(/En pausa desde el/);
    await t.check('case-awaiting-citizen');

    const citizen = await ApiClient.login(system.api, CITIZEN);
    const answer = await citizen.request('POST', `/reviews/${caseId}/information`, {
      statement: 'Adjunto lo pedido.',
    });
    expect(answer.status).toBe(201);
    await t.page.goto(`${system.web}/staff/cases/${caseId}`);
    await t.page.click(`a[href="/staff/cases/${caseId}/evaluate"]`);
    await t.page.fill('#findings', 'Los informes acreditan la limitación funcional.');
    await t.check('evaluate');
    await t.page.click('main form[method="post"] button[type="submit"]');
    await t.page.waitForURL(/done=evaluated/);

    await t.page.click(`a[href="/staff/cases/${caseId}/resolve"]`);
    await t.page.check('#outcome');
    await t.page.fill('#grounds', 'Los informes aportados acreditan la limitación.');
    await t.page.fill('#legalBasis', 'Art. 194 LGSS.');
    await t.check('resolve');
    // What the preview button posts (it opens the PDF in a new tab): the same form, to the preview route.
    const csrf = await t.page.inputValue('main form input[name="_csrf"]');
    const preview = await t.page.request.post(`${system.web}/staff/cases/${caseId}/resolve/preview`, {
      form: {
        _csrf: csrf,
        outcome: 'granted',
        grounds: 'Los informes aportados acreditan la limitación.',
        legalBasis: 'Art. 194 LGSS.',
      },
    });
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await preview.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await t.page.click('main form[method="post"] button[type="submit"]:not([formaction])');
    await t.page.waitForURL(/done=resolved/);
    for (let i = 0; i < 100 && !(await main(t)).includes('Emitida el'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await t.page.goto(`${system.web}/staff/cases/${caseId}`);
    }
    expect(await main(t)).toMatch(/Estimada · Emitida el/);
    await t.check('case-resolved');
    await t.close();
  }, 90_000);

  it('shows what changed when the case moved on while the reviewer was looking, keeping the form', async () => {
    const caseId = cases[1]!;
    const api = await ApiClient.login(system.api, { ...REVIEWER, levelOfAssurance: 'certificate' });
    const seen = await api.request('GET', `/reviews/${caseId}`);
    await api.request(
      'POST',
      `/reviews/${caseId}/assignment`,
      { reviewerId: REVIEWER.subject },
      { 'if-match': seen.headers.get('etag')! },
    );
    const t = await tour(browser, 'staff-reviewer-conflict');
    await logIn(t, REVIEWER.subject);
    await t.page.goto(`${system.web}/staff/cases/${caseId}/evaluate`);
    await t.page.fill('#findings', 'Mis conclusiones, que no quiero perder.');
    // Meanwhile the same case gets a request for information (another tab, another reviewer's hand).
    expect(
      (await api.request('POST', `/reviews/${caseId}/information-requests`, { requested: 'Un informe.' }))
        .status,
    ).toBe(201);
    const sent = t.page.waitForResponse((r) => r.request().method() === 'POST');
    await t.page.click('main form[method="post"] button[type="submit"]');
    expect((await sent).status()).toBe(409);
    expect(await t.page.textContent('h1')).toBe('El caso ha cambiado mientras lo miraba');
    expect(await main(t)).toContain('Estado: antes «Asignado», ahora «Esperando a la persona interesada».');
    expect(await t.page.inputValue('#findings')).toBe('Mis conclusiones, que no quiero perder.');
    await t.check('changed-while-looking');
    await t.close();
  });

  it('filters and pages the queue, without JavaScript', async () => {
    const t = await tour(browser, 'staff-reviewer-queue', { javaScript: false });
    await logIn(t, COLLEAGUE);
    await t.page.goto(`${system.web}/staff/queue?limit=1`);
    const first = await t.page.locator('tbody th a').first().getAttribute('href');
    await t.page.click('a[rel="next"]');
    const second = await t.page.locator('tbody th a').first().getAttribute('href');
    expect(second).not.toBe(first);
    await t.page.click('a[rel="prev"]');
    expect(await t.page.locator('tbody th a').first().getAttribute('href')).toBe(first);
    await t.page.goto(`${system.web}/staff/queue`);
    await t.page.selectOption('#status', 'open');
    await t.page.click('form[method="get"] button[type="submit"]');
    await t.page.waitForURL(/status=open/);
    const statuses = await t.page.locator('tbody td:nth-child(4)').allTextContents();
    expect(statuses.length).toBe(2);
    expect(new Set(statuses)).toEqual(new Set(['Sin asignar']));
    await t.page.check('#overdue');
    await t.page.click('form[method="get"] button[type="submit"]');
    expect(await main(t)).toContain('No hay casos con estos filtros.');
    await t.close();
  });

  it('in Catalan and in English, and by keyboard alone from the queue to a request for information', async () => {
    const ca = await tour(browser, 'staff-reviewer-ca', { locale: 'ca-ES' });
    await logIn(ca, COLLEAGUE, 'ca');
    await ca.page.goto(`${system.web}/staff/queue`);
    expect(await ca.page.textContent('h1')).toBe('Casos de la unitat');
    await ca.check('queue-ca');
    await ca.page.goto(`${system.web}/staff/cases/${cases[0]}`);
    expect(await main(ca)).toContain('Historial');
    await ca.check('case-ca');
    await ca.close();

    const en = await tour(browser, 'staff-reviewer-en', { locale: 'en-GB' });
    await logIn(en, COLLEAGUE, 'en');
    await en.page.goto(`${system.web}/staff/queue?lang=en`);
    await en.check('queue-en');
    const caseId = cases[2]!;
    await tabTo(en.page, `form[action="/staff/cases/${caseId}/claim"] button`);
    await en.page.keyboard.press('Enter');
    await en.page.waitForURL(/done=claimed/);
    await en.check('case-en-claimed');
    await tabTo(en.page, `a[href="/staff/cases/${caseId}/request-information"]`);
    await en.page.keyboard.press('Enter');
    await en.page.waitForURL(/request-information$/);
    expect(await en.page.textContent('#due')).toMatch(/If you send it today, they will have until/);
    await tabTo(en.page, '#template');
    await en.page.keyboard.press('Space');
    await tabTo(en.page, 'main form[method="post"] button[type="submit"]');
    await en.check('request-en');
    await en.page.keyboard.press('Enter');
    await en.page.waitForURL(/done=requested/);
    expect(await main(en)).toContain('Information request sent.');
    await en.close();
  });

  it('is not found for a reviewer of another unit', async () => {
    const t = await tour(browser, 'staff-reviewer-other-unit');
    await logIn(t, ICAM_REVIEWER);
    const response = await t.page.goto(`${system.web}/staff/cases/${cases[0]}`);
    expect(response?.status()).toBe(404);
    await t.check('other-unit-404');
    await t.close();
  });
});
