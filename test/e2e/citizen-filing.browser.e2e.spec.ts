import type { Browser, Page } from 'playwright-core';
import { focused, launchBrowser, tabTo, tour } from '../support/browser';
import { ApiClient, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';
import { readZip } from '../support/zip';

const NURIA = { subject: '23456789D', name: 'Núria Puig Soler', mobile: '+34600000102' };
const JORDI = { subject: '12345678Z', name: 'Jordi Vila Roca', mobile: '+34600000101' };
const PDF = (label: string) => ({
  name: `${label}.pdf`,
  mimeType: 'application/pdf',
  buffer: pdfBytes(label),
});

/**
 * A citizen files through the pages, as a person would: the procedure, in whose name, the
 * questions one per page (each saved to the server-side draft), documents with and without
 * JavaScript, the SMS code, the confirmation and its proof of receipt; in es, ca and en, by
 * keyboard alone, and across an expired session.
 */
describe('citizen filing pages', () => {
  let system: RunningSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startSystem({ backoffice: true });
    browser = await launchBrowser();
    // Núria grants Jordi a power for entitlement applications in the register, which he accepts.
    const nuria = await ApiClient.login(system.api, { ...NURIA, levelOfAssurance: 'certificate' });
    const jordi = await ApiClient.login(system.api, { ...JORDI, levelOfAssurance: 'certificate' });
    const granted = await nuria.request<{ powerId: string }>('POST', '/powers', {
      proxy: JORDI.subject,
      procedures: ['entitlement-application'],
      validFrom: '2026-01-01',
      validUntil: '2030-12-31',
    });
    expect(granted.status).toBe(201);
    expect((await jordi.request('POST', `/powers/${granted.body.powerId}/acceptance`)).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  async function logIn(page: Page, subject: string, level: string, returnTo = '/citizen/filings/new') {
    await page.goto(`${system.web}/login?returnTo=${encodeURIComponent(returnTo)}`);
    await page.check(`input[name="person"][value^="${subject}"]`);
    await page.check(`input[name="level"][value="${level}"]`);
    await page.click('main button[type="submit"]');
    await page.waitForURL((url) => url.pathname === returnTo);
  }

  const lastCode = async (mobile: string) => {
    const inbox = (await (await fetch(`${system.api}/dev/sms?to=${encodeURIComponent(mobile)}`)).json()) as {
      messages: { text: string }[];
    };
    return /(\d{6})/.exec(inbox.messages.at(-1)?.text ?? '')?.[1] ?? '';
  };

  it('files medical reports for Barcelona in one’s own name, to ICAM, signed by SMS, and downloads the proof of receipt', async () => {
    const t = await tour(browser, 'filing-medical-reports');
    const { page } = t;
    await logIn(page, NURIA.subject, 'clave-permanente');
    await t.check('procedure');
    await page.click('main button[type="submit"]');
    expect(await page.textContent('.error-summary')).toContain('Elija qué quiere presentar');
    await t.check('procedure-error');
    await page.check('#procedure');
    await page.click('main button[type="submit"]');
    await t.check('who');
    await page.check('#as');
    await page.click('main button[type="submit"]');
    await t.check('details');
    // A hostile, oversized reference is refused on its field, never a 500.
    await page.fill('#benefitRequestRef', `<script>x</script>${'x'.repeat(500)}`);
    await page.selectOption('#provinceCode', '08');
    await page.click('main button[type="submit"]');
    expect(await page.textContent('.error-summary')).toContain('100 caracteres');
    expect(await page.getAttribute('#benefitRequestRef', 'aria-invalid')).toBe('true');
    await t.check('details-error');
    await page.fill('#benefitRequestRef', 'IP-2026-004567');
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/documents$/);
    await t.check('documents-empty');
    await page.setInputFiles('#file', PDF('informe-neurologia'));
    await page.click('form[data-upload] button[type="submit"]');
    await page.waitForURL(/attached=/);
    expect(await page.textContent('main table')).toContain('informe-neurologia.pdf');
    await t.check('documents-attached');
    // Before sending: upload.js refuses what is not a PDF, JPEG, PNG or TIFF.
    await page.setInputFiles('#file', {
      name: 'notas.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hola'),
    });
    expect(await page.textContent('#file-error')).toContain('notas.txt no es un PDF');
    await t.check('documents-refused-by-script');
    await page.click('main a.button:has-text("Continuar")');
    await page.waitForURL(/\/check$/);
    expect(await page.textContent('main')).toContain("Institut Català d'Avaluacions Mèdiques");
    await t.check('check-answers');
    await page.click('main a.button');
    await t.check('sign');
    await page.click('#send-code');
    await page.waitForURL(/sentTo=/);
    expect(await page.textContent('.notice')).toMatch(/\+\*+102/);
    await t.check('sign-code-sent');
    await page.fill('#signingCode', '12');
    await page.click('#submit');
    expect(await page.textContent('.error-summary')).toContain('6 cifras');
    await t.check('sign-code-error');
    await page.fill('#signingCode', await lastCode(NURIA.mobile));
    await page.click('#submit');
    await page.waitForURL(/\/confirmation$/);
    expect(await page.textContent('.panel-confirmation')).toMatch(/\d{4}\/\d{6}/);
    expect(await page.textContent('main')).toContain("Institut Català d'Avaluacions Mèdiques");
    await t.check('confirmation');
    // The proof of receipt: being prepared at first, then the zip with the PDF and its signature.
    const receiptPath = new URL(page.url()).pathname.replace(/confirmation$/, 'receipt');
    let zip: Buffer | undefined;
    for (let i = 0; i < 60 && !zip; i += 1) {
      const answer = await page.request.get(`${system.web}${receiptPath}`);
      if (answer.headers()['content-type']?.includes('application/zip')) zip = await answer.body();
      else {
        expect(answer.status()).toBe(200);
        expect(await answer.text()).toContain('se está preparando');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    const entries = await readZip(zip!);
    expect(entries.has('receipt.pdf')).toBe(true);
    await page.reload();
    expect(await page.getAttribute('#receipt', 'href')).toBe(receiptPath);
    await t.check('confirmation-receipt-ready');
    await page.click('text=Desistir de esta solicitud');
    await t.check('withdraw');
    await page.fill('#reason', 'Ya no lo necesito');
    await page.click('main button.button-warning');
    await page.waitForURL(/\/confirmation$/);
    expect(await page.textContent('h1')).toContain('Ha desistido');
    await t.check('withdrawn');
    await t.close();
  });

  it('applies for medical-assistance entitlement as Núria’s representative, by a power in the register, in English', async () => {
    const t = await tour(browser, 'filing-entitlement-representative', { locale: 'en-GB' });
    const { page } = t;
    await logIn(page, JORDI.subject, 'certificate');
    await page.check('#procedure-1');
    await page.click('main button[type="submit"]');
    await page.check('#as-1');
    await page.click('main button[type="submit"]');
    expect(await page.textContent('.error-summary')).toContain('Enter the DNI or NIE');
    await t.check('who-errors');
    await page.fill('#subject', NURIA.subject);
    await page.check('#via');
    await page.click('main button[type="submit"]');
    expect(await page.textContent('main')).toContain(
      `on behalf of the person with DNI or NIE ${NURIA.subject}`,
    );
    await page.selectOption('#provinceCode', '08');
    await t.check('province');
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/beneficiaries$/);
    await t.check('beneficiaries');
    await page.fill('#beneficiaryName', 'Pau Vila Puig');
    await page.fill('#birthDay', '31');
    await page.fill('#birthMonth', '2');
    await page.fill('#birthYear', '2019');
    await page.click('button[value="add"]');
    expect(await page.textContent('.error-summary')).toContain('Enter a real date of birth');
    expect(await page.inputValue('#beneficiaryName')).toBe('Pau Vila Puig');
    await t.check('beneficiaries-bad-date');
    await page.fill('#birthDay', '12');
    await page.fill('#birthMonth', '4');
    await page.click('button[value="add"]');
    expect(await page.textContent('main table')).toContain('Pau Vila Puig');
    await t.check('beneficiaries-added');
    await page.click('button[value="continue"]');
    await page.check('#paper-1');
    await t.check('paper');
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/documents$/);
    expect(await page.textContent('main')).toContain(`You are acting for ${NURIA.subject}`);
    await page.selectOption('#kind', 'application-form');
    await page.setInputFiles('#file', PDF('solicitud'));
    await page.click('form[data-upload] button[type="submit"]');
    await page.waitForURL(/attached=/);
    await t.check('documents');
    await page.click('main a.button:has-text("Continue")');
    await page.fill('#remarks', 'Also for my son.');
    await page.click('main button[type="submit"]');
    // Remarks and the form together are refused by the API, on the remarks field.
    expect(await page.textContent('.error-summary')).toContain(
      'Remarks are only accepted when no application form',
    );
    await t.check('remarks-refused');
    await page.fill('#remarks', '');
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/check$/);
    expect(await page.textContent('main')).toContain(`You, as representative of ${NURIA.subject}`);
    await t.check('check-answers');
    await page.click('main a.button');
    expect(await page.textContent('main')).toContain('you sign directly');
    await t.check('sign');
    await page.click('#submit');
    await page.waitForURL(/\/confirmation$/);
    expect(await page.textContent('.panel-confirmation')).toContain('Documents submitted');
    await t.check('confirmation');
    await t.close();
  });

  it('can be filed with the keyboard alone, in Catalan', async () => {
    const t = await tour(browser, 'filing-keyboard-ca', { locale: 'ca-ES' });
    const { page } = t;
    await logIn(page, JORDI.subject, 'certificate');
    await tabTo(page, '#procedure');
    await page.keyboard.press('Space');
    await tabTo(page, 'main button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/new\/medical-reports$/);
    expect(await page.textContent('h1')).toContain('En nom de qui presenteu?');
    await t.check('who-ca');
    await tabTo(page, '#as');
    await page.keyboard.press('Space');
    await tabTo(page, 'main button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/details$/);
    await tabTo(page, '#benefitRequestRef');
    await page.keyboard.type('IT-2026-000123');
    await tabTo(page, '#provinceCode');
    expect((await focused(page))?.outline).toBe('solid');
    await page.keyboard.type('Barcelona');
    await t.check('details-ca');
    await tabTo(page, 'main button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/documents$/);
    expect(await page.textContent('h1')).toContain('Adjunteu els documents');
    await page.setInputFiles('#file', PDF('informe-ca'));
    await tabTo(page, 'form[data-upload] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/attached=/);
    await t.check('documents-ca');
    await tabTo(page, 'main a.button[href$="/check"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/check$/);
    await t.check('check-ca');
    await tabTo(page, 'main a.button[href$="/sign"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign$/);
    await tabTo(page, '#submit');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/confirmation$/);
    expect(await page.textContent('.panel-confirmation')).toContain('Documentació presentada');
    await t.check('confirmation-ca');
    await t.close();
  });

  it('works without JavaScript: the upload is a plain multipart post, its refusals shown on the page', async () => {
    const t = await tour(browser, 'filing-no-js', { javaScript: false });
    const { page } = t;
    await logIn(page, NURIA.subject, 'certificate');
    await page.check('#procedure');
    await page.click('main button[type="submit"]');
    await page.check('#as');
    await page.click('main button[type="submit"]');
    await page.fill('#benefitRequestRef', 'IP-2026-004567');
    await page.selectOption('#provinceCode', '08');
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/documents$/);
    await page.setInputFiles('#file', {
      name: 'informe.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a pdf'),
    });
    await page.click('form[data-upload] button[type="submit"]');
    expect(await page.textContent('.error-summary')).toBeTruthy();
    expect(await page.getAttribute('.error-summary a', 'href')).toBe('#file');
    await t.check('documents-refused');
    await page.setInputFiles('#file', PDF('informe-sin-js'));
    await page.click('form[data-upload] button[type="submit"]');
    await page.waitForURL(/attached=/);
    expect(await page.textContent('main table')).toContain('informe-sin-js.pdf');
    await t.check('documents-attached');
    await page.click('main form.inline-form button');
    await page.waitForURL(/removed=/);
    expect(await page.textContent('main')).toContain('Todavía no ha adjuntado');
    await t.check('documents-removed');
    await t.close();
  });

  it('keeps what was typed across an expired session, and lists the draft to continue', async () => {
    const t = await tour(browser, 'filing-session-expiry');
    const { page, context } = t;
    await logIn(page, NURIA.subject, 'certificate');
    await page.check('#procedure-1');
    await page.click('main button[type="submit"]');
    await page.check('#as');
    await page.click('main button[type="submit"]');
    await page.selectOption('#provinceCode', '28');
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/beneficiaries$/);
    await page.click('button[value="continue"]');
    await page.check('#paper');
    await page.click('main button[type="submit"]');
    await page.goto(page.url().replace(/documents$/, 'remarks'));
    await page.fill('#remarks', 'Solicito la asistencia sanitaria para mí.');
    await context.clearCookies({ name: 'expediente_session' });
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/login/);
    await t.check('login-after-expiry');
    await page.check(`input[name="person"][value^="${NURIA.subject}"]`);
    await page.check('input[name="level"][value="certificate"]');
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/remarks$/);
    expect(await page.inputValue('#remarks')).toBe('Solicito la asistencia sanitaria para mí.');
    expect(await page.textContent('.notice')).toBeTruthy();
    await t.check('remarks-restored');
    await page.goto(`${system.web}/citizen/filings`);
    expect(await page.textContent('main table')).toContain('Derecho a la asistencia sanitaria');
    await t.check('drafts');
    await t.close();
  });
});
