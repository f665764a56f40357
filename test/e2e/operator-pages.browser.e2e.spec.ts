import type { Browser } from 'playwright-core';
import { launchBrowser, tour } from '../support/browser';
import { RunningSystem, startSystem } from '../support/system';

/** Operators log in like everyone else and see every component, the projections' lag and the queues. */
describe('the operations page', () => {
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

  const logIn = async (t: Awaited<ReturnType<typeof tour>>, person: string) => {
    await t.page.goto(`${system.web}/login`);
    await t.page.check(`input[name="person"][value^="${person}"]`);
    await t.page.click('form[action="/login"] button[type="submit"]');
  };

  it('shows every component up, Redis included, the lag of each projection and the queues, and opens the queue board', async () => {
    const t = await tour(browser, 'operator', { locale: 'en-GB' });
    await logIn(t, '56789012B');
    await t.page.waitForURL(`${system.web}/operator`);
    const main = (await t.page.textContent('main')) ?? '';
    expect(main).toContain('Every component is up');
    for (const component of [
      'API',
      'Event log',
      'Read models',
      'Redis (queues and limits)',
      'Background jobs (worker)',
    ])
      expect(main).toContain(component);
    expect(main).toContain('How far each projection is behind the log');
    expect(main).toMatch(/receipts/);
    await t.check('status-en');
    await t.page.click('a[href="/queues"]');
    await t.page.waitForURL(`${system.web}/queues`);
    expect(await t.page.title()).not.toMatch(/Error/);
    await t.close();
  });

  it('is not for citizens: a citizen gets a page saying so', async () => {
    const t = await tour(browser, 'operator-refused');
    await logIn(t, '23456789D');
    await t.page.waitForURL(/\/citizen\//);
    const response = await t.page.goto(`${system.web}/operator`);
    expect(response?.status()).toBe(403);
    expect(await t.page.textContent('h1')).toBe('No tiene acceso a esta página');
    await t.check('refused-es');
    await t.close();
  });
});
