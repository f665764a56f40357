import type { Browser } from 'playwright-core';
import { focused, launchBrowser, tabTo, tour } from '../support/browser';
import { RunningSystem, startSystem } from '../support/system';

/**
 * What every page shares: the layout, the language chosen and remembered, log-in and out,
 * CSRF on every form, the session cookie's flags, error pages, keyboard focus.
 */
describe('the pages’ frame', () => {
  let system: RunningSystem;
  let browser: Browser;
  beforeAll(async () => {
    system = await startSystem({ backoffice: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('speaks Spanish by default, Catalan or English when the browser or the person asks, and remembers the choice', async () => {
    const t = await tour(browser, 'frame-languages', { locale: 'en-GB' });
    await t.page.goto(system.web);
    expect(await t.page.getAttribute('html', 'lang')).toBe('en');
    expect(await t.page.textContent('main')).toContain('For citizens');
    await t.check('home-en');
    await t.page.click('a[hreflang="ca"]');
    expect(await t.page.getAttribute('html', 'lang')).toBe('ca');
    expect(await t.page.textContent('main')).toContain('Per a la ciutadania');
    await t.check('home-ca');
    await t.page.goto(`${system.web}/login`);
    expect(await t.page.getAttribute('html', 'lang')).toBe('ca');
    await t.check('login-ca');
    const cookies = await t.context.cookies();
    expect(cookies.find((c) => c.name === 'expediente_lang')).toMatchObject({ value: 'ca', httpOnly: true });
    await t.close();

    const es = await fetch(`${system.web}/`, { headers: { 'accept-language': 'de, fr;q=0.8' } });
    expect(await es.text()).toContain('<html lang="es">');
  });

  it('logs a citizen in and out with secure cookie flags, and back to where they were going', async () => {
    const t = await tour(browser, 'frame-login');
    await t.page.goto(`${system.web}/login?returnTo=/`);
    await t.check('login-es');
    await t.page.check('input[name="person"][value^="23456789D"]');
    await t.page.check('input[name="level"][value="clave-permanente"]');
    await t.page.click('button[type="submit"]');
    await t.page.waitForURL(`${system.web}/`);
    expect(await t.page.textContent('header')).toContain('Núria Puig Soler');
    const session = (await t.context.cookies()).find((c) => c.name === 'expediente_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await t.check('home-logged-in');
    await t.page.click('header button[type="submit"]');
    await t.page.waitForURL(/\/login/);
    expect((await t.context.cookies()).find((c) => c.name === 'expediente_session')).toBeUndefined();
    await t.close();
  });

  it('shows every problem of the log-in form in a summary linked to its field', async () => {
    const t = await tour(browser, 'frame-login-errors', { locale: 'en-GB' });
    await t.page.goto(`${system.web}/login`);
    await t.page.check('#person-custom');
    await t.page.fill('#subject', '1234');
    await t.page.click('button[type="submit"]');
    expect(await t.page.title()).toMatch(/^Error:/);
    const summary = t.page.locator('.error-summary');
    expect(await summary.textContent()).toContain('Enter a valid DNI or NIE');
    expect(await summary.textContent()).toContain('Enter your full name');
    expect((await focused(t.page))?.className).toBe('error-summary');
    await t.check('login-errors-en');
    await t.page.click('.error-summary a[href="#subject"]');
    expect((await focused(t.page))?.id).toBe('subject');
    await t.close();
  });

  it('refuses a form without its CSRF token, changing nothing', async () => {
    const response = await fetch(`${system.web}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body: 'person=23456789D%3Acitizen&level=certificate',
      redirect: 'manual',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('The form has expired');
    expect(response.headers.get('set-cookie') ?? '').not.toContain('expediente_session=ey');
  });

  it('answers an unknown page with a page, not JSON, in the person’s language', async () => {
    const response = await fetch(`${system.web}/no-such-page`, {
      headers: { accept: 'text/html', 'accept-language': 'ca' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('No es troba la pàgina');
    const t = await tour(browser, 'frame-errors');
    await t.page.goto(`${system.web}/no-such-page`);
    await t.check('not-found-es');
    await t.close();
  });

  it('can be used with the keyboard alone: skip link first, visible focus, log in without a mouse', async () => {
    const t = await tour(browser, 'frame-keyboard');
    await t.page.goto(`${system.web}/login`);
    await t.page.keyboard.press('Tab');
    expect((await focused(t.page))?.className).toBe('skip-link');
    await t.page.keyboard.press('Enter');
    await tabTo(t.page, 'input[name="person"]');
    expect((await focused(t.page))?.outline).toBe('solid');
    await tabTo(t.page, 'button[type="submit"]');
    await t.check('login-keyboard-focus');
    await t.page.keyboard.press('Enter');
    await t.page.waitForURL(/\/citizen\/cases|\/$/);
    expect((await t.context.cookies()).some((c) => c.name === 'expediente_session')).toBe(true);
    await t.close();
  });
});
