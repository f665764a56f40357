import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/**
 * Browser tests drive Debian's Chromium through playwright-core (no browser download). Every
 * page a test visits is checked with axe-core (WCAG 2.1 A/AA rules; zero serious or critical
 * violations allowed) and saved as a screenshot under test-artifacts/screenshots/<suite>/,
 * numbered in visiting order, for people to look at (README "Browser tests").
 */
export const SCREENSHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export interface PageTour {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Axe-checks the page as it is now and saves its screenshot as `NN-name.png`. */
  check(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh browser context (no cookies) whose pages are checked and photographed under `suite`. */
export async function tour(
  browser: Browser,
  suite: string,
  options: { locale?: string; javaScript?: boolean } = {},
): Promise<PageTour> {
  const dir = join(SCREENSHOTS, suite);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({
    locale: options.locale ?? 'es-ES',
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1100, height: 900 },
  });
  const page = await context.newPage();
  let count = 0;
  return {
    context,
    page,
    async check(name) {
      count += 1;
      const file = join(dir, `${String(count).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // axe-core runs in the page: with JavaScript off only the screenshot is taken.
      if (options.javaScript !== false) await expectAccessible(page, name);
    },
    close: () => context.close(),
  };
}

/** Zero serious or critical axe-core violations (WCAG 2.0/2.1 A and AA rules), each listed when not. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // With JavaScript off axe cannot run in the page; those tours check the same pages with it on.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = grave.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect({ page: name, url: page.url(), violations: described }).toEqual({
    page: name,
    url: page.url(),
    violations: [],
  });
}

/** The few DOM names the functions below run in the page with (the test program has no DOM lib). */
interface FocusedElement {
  readonly id: string;
  readonly className: string;
  readonly tagName: string;
  matches(selector: string): boolean;
}
declare const document: { readonly activeElement: FocusedElement | null };
declare function getComputedStyle(element: FocusedElement): { readonly outlineStyle: string };

/** What has the keyboard focus now: its id, class, tag and whether its focus outline shows. */
export async function focused(
  page: Page,
): Promise<{ id: string; className: string; tagName: string; outline: string } | undefined> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element
      ? {
          id: element.id,
          className: element.className,
          tagName: element.tagName.toLowerCase(),
          outline: getComputedStyle(element).outlineStyle,
        }
      : undefined;
  });
}

/** Presses Tab until the element matching `selector` has focus; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}
