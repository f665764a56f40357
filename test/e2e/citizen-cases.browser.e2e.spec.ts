import type { Browser, Page } from 'playwright-core';
import { eventually } from '../support/async';
import { launchBrowser, PageTour, tour } from '../support/browser';
import { decideReview, eventsOf, fileCase, OwnFiling, reviewer, supervisor } from '../support/cases';
import { ApiClient, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';

type Language = 'es' | 'ca' | 'en';
type Staff = { supervisor: string; reviewer: string; unit: string };

const INSS_MADRID: Staff = { supervisor: '50123456Q', reviewer: '50234567Z', unit: 'INSS-28' };
const ICAM: Staff = { supervisor: '60123456F', reviewer: '60234567M', unit: 'ICAM' };

/** The demo citizens of the log-in page (dev-personas.ts), each with an active benefit record. */
const LUCIA = { subject: '34567890V', name: 'Lucía Martín Gil', mobile: '+34600000103' };
const NURIA = { subject: '23456789D', name: 'Núria Puig Soler', mobile: '+34600000102' };
const JORDI = { subject: '12345678Z', name: 'Jordi Vila Roca', mobile: '+34600000101' };

const JOURNEYS: {
  lang: Language;
  locale: string;
  who: typeof LUCIA;
  filing: OwnFiling;
  staff: Staff;
  texts: { cases: string; todo: RegExp; inbox: string; accepted: string };
}[] = [
  {
    lang: 'es',
    locale: 'es-ES',
    who: LUCIA,
    filing: { ...LUCIA, benefitRequestRef: 'IT-2026-007001', provinceCode: '28' },
    staff: INSS_MADRID,
    texts: {
      cases: 'Mis expedientes',
      todo: /Aporte la información pedida/,
      inbox: 'Mis notificaciones',
      accepted: 'Ha aceptado la notificación.',
    },
  },
  {
    lang: 'ca',
    locale: 'ca-ES',
    who: NURIA,
    filing: { ...NURIA, benefitRequestRef: 'IP-2026-004567', provinceCode: '08' },
    staff: ICAM,
    texts: {
      cases: 'Els meus expedients',
      todo: /Aporteu la informació demanada/,
      inbox: 'Les meves notificacions',
      accepted: 'Heu acceptat la notificació.',
    },
  },
  {
    lang: 'en',
    locale: 'en-GB',
    who: JORDI,
    filing: { ...JORDI, benefitRequestRef: 'IT-2026-000124', provinceCode: '28' },
    staff: INSS_MADRID,
    texts: {
      cases: 'My cases',
      todo: /Provide the information requested/,
      inbox: 'My notifications',
      accepted: 'You have accepted the notification.',
    },
  },
];

/**
 * The citizen follows a case in the browser while the unit works it through the API: the case
 * and what to do, the answer to an information request (upload, SMS code, signed send), the
 * resolution's notification opened, read and accepted — in es, ca and en. Then a representative
 * answers the represented person's notification (after being told their Cl@ve permanente is not
 * enough), powers are granted, accepted and revoked, paper is opted out of, a document is
 * verified by its CSV, and the accessibility statement is read. Every page is axe-checked.
 */
jest.setTimeout(90_000);

describe('citizen pages after filing', () => {
  let system: RunningSystem;
  let browser: Browser;
  const caseOf: Partial<Record<Language, string>> = {};

  beforeAll(async () => {
    [system, browser] = await Promise.all([startSystem({ backoffice: true }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const staffClient = (id: string, roles: string[], unit: string) =>
    ApiClient.login(system.api, {
      subject: id,
      name: `Staff ${id}`,
      roles,
      levelOfAssurance: 'certificate',
      unit,
    });

  /** The last 6-digit code texted to the number (alerts go to the same mobile, without codes). */
  const lastCode = async (mobile: string): Promise<string> => {
    const inbox = (await (await fetch(`${system.api}/dev/sms?to=${encodeURIComponent(mobile)}`)).json()) as {
      messages: { text: string }[];
    };
    const codes = inbox.messages.flatMap((m) => /\b(\d{6})\b/.exec(m.text)?.[1] ?? []);
    if (codes.length === 0) throw new Error(`no code texted to ${mobile}`);
    return codes.at(-1)!;
  };

  /** Reloads until the page shows the text (read models follow the log within moments). */
  const reloadUntil = async (page: Page, text: string | RegExp, what: string) =>
    eventually(
      async () => {
        await page.reload();
        const body = (await page.textContent('main')) ?? '';
        return typeof text === 'string' ? body.includes(text) : text.test(body);
      },
      what,
      30_000,
    );

  const logIn = async (t: PageTour, who: { subject: string }, level: string, returnTo: string) => {
    await t.page.goto(`${system.web}/login?returnTo=${encodeURIComponent(returnTo)}`);
    await t.page.check(`input[name="person"][value^="${who.subject}:"]`);
    await t.page.check(`input[name="level"][value="${level}"]`);
    await Promise.all([
      t.page.waitForURL(`${system.web}${returnTo}`),
      t.page.click('main button[type="submit"]'),
    ]);
  };

  for (const journey of JOURNEYS) {
    it(`follows a case, answers the information request and accepts the notification, in ${journey.lang}`, async () => {
      const { lang, who, staff, texts } = journey;
      const caseId = await fileCase(system, journey.filing);
      caseOf[lang] = caseId;
      const boss = await staffClient(staff.supervisor, ['supervisor'], staff.unit);
      const worker = await staffClient(staff.reviewer, ['reviewer'], staff.unit);
      const review = `/reviews/${caseId}`;
      const opened = await boss.until(review, (r) => r.status === 200, 'the review to open');
      await boss.request(
        'POST',
        `${review}/assignment`,
        { reviewerId: staff.reviewer },
        {
          'if-match': opened.headers.get('etag')!,
        },
      );
      const requested = 'Aporte el informe de la última revisión.';
      expect((await worker.request('POST', `${review}/information-requests`, { requested })).status).toBe(
        201,
      );

      const t = await tour(browser, `citizen-cases-${lang}`, { locale: journey.locale });
      const page = t.page;
      await logIn(t, who, 'clave-permanente', '/citizen/cases');
      await reloadUntil(page, texts.todo, 'the information request on my cases');
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.textContent('h1')).toBe(texts.cases);
      expect(await page.locator('.panel-todo li').first().textContent()).toMatch(texts.todo);
      await t.check('cases');

      await page.click(`a[href="/citizen/cases/${caseId}"]`);
      expect(await page.textContent('.panel-todo')).toMatch(texts.todo);
      expect(await page.locator('.timeline li').count()).toBeGreaterThan(2);
      await t.check('case');

      await page.click(`.panel-todo a[href="/citizen/cases/${caseId}/information"]`);
      expect(await page.textContent('.inset')).toContain(requested);
      await page.click('main form[action$="/information"] button[value="send"]');
      expect(await page.textContent('.error-summary')).toBeTruthy();
      await t.check('answer-refused');
      await page.setInputFiles('#file', {
        name: 'revision.pdf',
        mimeType: 'application/pdf',
        buffer: pdfBytes(caseId),
      });
      await Promise.all([
        page.waitForURL(/uploaded=/),
        page.click('form[enctype="multipart/form-data"] button'),
      ]);
      expect(await page.textContent('main table')).toContain('revision.pdf');
      await t.check('answer-uploaded');
      await page.fill('#statement', 'Adjunto el informe de la revisión.');
      await page.click('button[value="code"]');
      expect(await page.textContent('.notice')).toContain('*');
      expect(await page.inputValue('#statement')).toBe('Adjunto el informe de la revisión.');
      await page.fill('#signingCode', await lastCode(who.mobile));
      await t.check('answer-signing');
      await Promise.all([page.waitForURL(/\?sent=1$/), page.click('button[value="send"]')]);
      await t.check('answer-sent');

      if (lang === 'ca') {
        await page.goto(`${system.web}/citizen/settings`);
        await page.check('#paper');
        await page.click('main button[type="submit"]');
        expect(await page.textContent('.notice')).toContain('S’ha desat');
        await t.check('settings-paper-out');
      }

      await worker.until(review, (r) => r.body.status === 'assigned', 'the answer on the review');
      await worker.request('POST', `${review}/evaluation`, {
        findings: 'Los informes acreditan la situación.',
      });
      const evaluated = await worker.request('GET', review);
      expect(
        (
          await worker.request(
            'POST',
            `${review}/resolution`,
            { outcome: 'granted', grounds: 'Se acredita.', legalBasis: 'Art. 193 LGSS.' },
            { 'if-match': evaluated.headers.get('etag')! },
          )
        ).status,
      ).toBe(200);

      await page.goto(`${system.web}/citizen/notifications`);
      await eventually(
        async () => {
          await page.reload();
          return (await page.locator('tbody tr').count()) > 0;
        },
        'the notification in the inbox',
        30_000,
      );
      expect(await page.textContent('h1')).toBe(texts.inbox);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await t.check('inbox');
      await page.click('tbody tr a');
      const notificationUrl = page.url();
      await t.check('notification');
      await page.click('form[action$="/access"] button');
      await t.check('notification-opened');
      const pdf = await page.request.get(`${notificationUrl}/document`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await page.check('#decision');
      await page.click('button[value="code"]');
      await page.fill('#signingCode', await lastCode(who.mobile));
      await t.check('notification-answer');
      await Promise.all([page.waitForURL(/done=accepted/), page.click('button[value="send"]')]);
      expect(await page.textContent('.notice')).toBe(texts.accepted);
      await t.check('notification-accepted');

      const receipt = await page.request.get(`${system.web}/citizen/cases/${caseId}/receipt`);
      expect(receipt.status()).toBe(200);
      expect(receipt.headers()['content-type']).toContain('application/zip');
      await t.close();

      const issued = (await eventsOf(system, `review-${caseId}`)).find((e) => e.type === 'ResolutionIssued');
      expect(issued?.data).toMatchObject({ paperCopy: lang !== 'ca' });
    });
  }

  it('lets a representative answer the represented person’s notification, once logged in with a certificate; powers are granted, accepted and revoked', async () => {
    const lucia = await tour(browser, 'citizen-cases-powers-principal');
    await logIn(lucia, LUCIA, 'certificate', '/citizen/powers');
    await lucia.check('powers');
    await lucia.page.click('a[href="/citizen/powers/new"]');
    await lucia.page.click('main button[type="submit"]');
    expect(await lucia.page.locator('.error-summary li').count()).toBe(4);
    await lucia.check('power-new-refused');
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    await lucia.page.fill('#proxy', '12345678-z');
    for (const box of await lucia.page.locator('input[name="procedures"]').all()) await box.check();
    await lucia.page.fill('#validFrom', String(yesterday.getUTCDate()));
    await lucia.page.fill('#validFrom-month', String(yesterday.getUTCMonth() + 1));
    await lucia.page.fill('#validFrom-year', String(yesterday.getUTCFullYear()));
    await lucia.page.fill('#validUntil', '31');
    await lucia.page.fill('#validUntil-month', '12');
    await lucia.page.fill('#validUntil-year', String(yesterday.getUTCFullYear() + 1));
    await lucia.check('power-new');
    await Promise.all([
      lucia.page.waitForURL(/done=granted/),
      lucia.page.click('main button[type="submit"]'),
    ]);
    const powerUrl = lucia.page.url().split('?')[0]!;
    expect(await lucia.page.textContent('main')).toContain('12345678Z');
    await lucia.check('power-granted');

    const caseId = await fileCase(system, {
      ...LUCIA,
      benefitRequestRef: 'IT-2026-007001',
      provinceCode: '28',
    });
    await decideReview(system, caseId, supervisor, 'AssignReviewer', {
      reviewer: { id: reviewer.id, unit: 'INSS-28' },
    });
    await decideReview(system, caseId, reviewer, 'EvaluateCase', { findings: 'Sin novedad.' });
    await decideReview(system, caseId, reviewer, 'ResolveCase', {
      outcome: 'denied',
      grounds: 'No se acredita.',
      legalBasis: 'Art. 193 LGSS.',
    });

    const jordi = await tour(browser, 'citizen-cases-powers-proxy', { locale: 'en-GB' });
    jordi.page.on('dialog', (dialog) => void dialog.accept());
    await logIn(jordi, JORDI, 'clave-permanente', '/citizen/powers');
    await reloadUntil(jordi.page, LUCIA.subject, 'the power offered to me');
    await jordi.check('powers-offered');
    await jordi.page.click(`a[href="${new URL(powerUrl).pathname}"]`);
    await jordi.check('power-to-accept');
    await Promise.all([jordi.page.waitForURL(/done=accepted/), jordi.page.click('#accept')]);
    await jordi.check('power-accepted');

    await jordi.page.goto(`${system.web}/citizen/notifications`);
    await reloadUntil(jordi.page, LUCIA.subject, 'the represented person’s notification');
    await jordi.check('proxy-inbox');
    await jordi.page.click(`tbody tr:has-text("${LUCIA.subject}") a`);
    const notificationPath = new URL(jordi.page.url()).pathname;
    await jordi.page.click('form[action$="/access"] button');
    expect(await jordi.page.textContent('h1')).toBe('You need to log in with a stronger method');
    expect(await jordi.page.textContent('main')).toContain('Electronic certificate');
    await jordi.check('proxy-assurance-too-low');
    await jordi.page.click('main a.button');
    await jordi.page.check(`input[name="person"][value^="${JORDI.subject}:"]`);
    await jordi.page.check('input[name="level"][value="certificate"]');
    await Promise.all([
      jordi.page.waitForURL(`${system.web}${notificationPath}`),
      jordi.page.click('main button[type="submit"]'),
    ]);
    await jordi.page.click('form[action$="/access"] button');
    const pdf = await jordi.page.request.get(`${system.web}${notificationPath}/document`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await jordi.page.check('#decision');
    await Promise.all([jordi.page.waitForURL(/done=accepted/), jordi.page.click('button[value="send"]')]);
    await jordi.check('proxy-accepted');
    await jordi.close();

    await lucia.page.goto(powerUrl);
    await lucia.page.click(`a[href$="/revoke"]`);
    await lucia.check('power-revoke-confirm');
    await Promise.all([
      lucia.page.waitForURL(/done=revoked/),
      lucia.page.click('main button[type="submit"]'),
    ]);
    expect(await lucia.page.textContent('.tag')).toBe('Revocado');
    await lucia.check('power-revoked');
    await lucia.close();
  });

  it('verifies a document by its CSV without a session, says when no document has it, and states its accessibility', async () => {
    const lucia = await ApiClient.login(system.api, { ...LUCIA, levelOfAssurance: 'certificate' });
    const csv = (await lucia.request<{ receipt: { csv: string } }>('GET', `/cases/${caseOf.es}`)).body.receipt
      .csv;
    const t = await tour(browser, 'citizen-cases-public');
    await t.page.goto(`${system.web}/verify`);
    await t.check('verify');
    await t.page.fill('#csv', 'no es un código');
    await t.page.click('main button[type="submit"]');
    expect(await t.page.textContent('.error-summary')).toContain('16 letras y cifras');
    await t.check('verify-malformed');
    await t.page.fill('#csv', csv.toLowerCase().match(/.{4}/g)!.join('-'));
    await t.page.click('main button[type="submit"]');
    expect(await t.page.textContent('main')).toContain('Justificante de registro');
    expect(await t.page.textContent('.tag')).toBe('Original íntegro');
    expect(await t.page.textContent('main')).not.toContain(LUCIA.subject);
    await t.check('verify-found');
    const original = await t.page.request.get(`${system.web}/verify/${csv}/document.pdf`);
    expect(original.headers()['content-type']).toContain('application/pdf');
    const unknown = await t.page.goto(`${system.web}/verify?csv=ABCD-EFGH-JKLM-NPQR`);
    expect(unknown?.status()).toBe(404);
    expect(await t.page.textContent('h1')).toBe('No hay ningún documento con ese código');
    await t.check('verify-unknown');
    for (const lang of ['es', 'ca', 'en'] as const) {
      await t.page.goto(`${system.web}/accessibility?lang=${lang}`);
      expect(await t.page.getAttribute('html', 'lang')).toBe(lang);
      expect(await t.page.textContent('main')).toContain('WCAG) 2.1');
      await t.check(`accessibility-${lang}`);
    }
    await t.close();
  });
});
