import type { Browser } from 'playwright-core';
import { launchBrowser, PageTour, tour } from '../support/browser';
import { fileMadridCase } from '../support/cases';
import { RunningSystem, startSystem } from '../support/system';

const CASES = 20;

/** A supervisor of INSS Madrid steers the unit: the dashboard, bulk assignment of 20 cases, the queue as CSV. */
describe('the supervisor’s pages', () => {
  let system: RunningSystem;
  let browser: Browser;
  let caseIds: string[];
  beforeAll(async () => {
    system = await startSystem({
      backoffice: true,
      env: { RATE_LIMIT_LOGIN_PER_SUBJECT: '1000/15m', RATE_LIMIT_SUBMISSIONS: '1000/15m' },
    });
    browser = await launchBrowser();
    caseIds = [];
    for (let i = 0; i < CASES; i += 1) caseIds.push(await fileMadridCase(system));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const logIn = async (t: PageTour, person: string) => {
    await t.page.goto(`${system.web}/login`);
    await t.page.check(`input[name="person"][value^="${person}"]`);
    await t.page.click('form[action="/login"] button[type="submit"]');
  };

  it('bulk-assigns 20 cases to one reviewer and reports each result; the dashboard and the CSV follow', async () => {
    const t = await tour(browser, 'staff-supervisor');
    await logIn(t, '50123456Q');
    await t.page.waitForURL(`${system.web}/staff/dashboard`);
    expect(await t.page.textContent('h1')).toBe('Panel de la unidad INSS-28');
    expect(await t.page.textContent('#backlog')).toContain('Sin asignar');
    await t.check('dashboard-before');

    await t.page.click('a[href="/staff/assign"]');
    expect(await t.page.locator('input[name="caseIds"]').count()).toBe(CASES);
    await t.check('assign');
    // Sent with nothing chosen: the error summary names both fields.
    await t.page.click('form[action="/staff/assign"][method="post"] button[type="submit"]');
    expect(await t.page.textContent('.error-summary')).toContain('Marque al menos un expediente');
    expect(await t.page.textContent('.error-summary')).toContain('Elija a una persona revisora');
    await t.check('assign-errors');

    await t.page.click('text=Marcar todos los de esta lista');
    expect(await t.page.locator('input[name="caseIds"]:checked').count()).toBe(CASES);
    await t.page.selectOption('#reviewerId', '50234567Z');
    await t.page.click('form[action="/staff/assign"][method="post"] button[type="submit"]');
    expect(await t.page.textContent('.notice')).toContain(`Asignados: ${CASES}. No asignados: 0.`);
    expect(await t.page.locator('.tag-done').count()).toBe(CASES);
    await t.check('assign-result');

    await t.page.goto(`${system.web}/staff/dashboard`);
    const workload = (await t.page.textContent('#workload')) ?? '';
    expect(workload).toContain('Pablo Moreno Díaz');
    expect(workload).toContain(String(CASES));
    await t.check('dashboard-after');

    const csv = await t.page.request.get(`${system.web}/staff/queue.csv?status=assigned`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(CASES + 1);
    expect(lines[0]).toContain('Expediente');
    expect(lines.slice(1).every((line) => line.includes('Pablo Moreno Díaz'))).toBe(true);
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0]))).toEqual(new Set(caseIds));
    await t.close();
  });

  it('reads in Catalan and English too, and is not for reviewers', async () => {
    const t = await tour(browser, 'staff-supervisor-languages', { locale: 'ca-ES' });
    await logIn(t, '60123456F');
    await t.page.waitForURL(`${system.web}/staff/dashboard`);
    expect(await t.page.getAttribute('html', 'lang')).toBe('ca');
    expect(await t.page.textContent('h1')).toBe('Tauler de la unitat ICAM');
    await t.check('dashboard-ca');
    await t.page.goto(`${system.web}/staff/dashboard?lang=en`);
    expect(await t.page.textContent('h1')).toBe('Unit dashboard, ICAM');
    await t.check('dashboard-en');
    await t.close();

    const reviewer = await tour(browser, 'staff-supervisor-refused');
    await logIn(reviewer, '50234567Z');
    const refused = await reviewer.page.goto(`${system.web}/staff/assign`);
    expect(refused?.status()).toBe(403);
    await reviewer.close();
  });
});
