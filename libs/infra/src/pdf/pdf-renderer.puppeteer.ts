import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser } from 'puppeteer';
import type { PdfRenderer } from './pdf-renderer';

/** Chromium with nothing that phones home or needs a display; no sandbox because it runs as a service user in a container. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Launched {
  readonly browser: Browser;
  readonly profileDir: string;
}

/**
 * One Chromium per process, started on the first render (launch ≈ 0.5 s, a page ≈ 0.15 s),
 * shared by concurrent renders, and started again if it crashed. Each render gets its own
 * page, closed afterwards, so one document never sees another's state.
 */
export class PuppeteerPdfRenderer implements PdfRenderer {
  private launching: Promise<Launched> | undefined;

  constructor(private readonly options: { readonly executablePath: string }) {}

  async render(html: string): Promise<Buffer> {
    const { browser } = await this.browser();
    const page = await browser.newPage();
    try {
      // Documents are static: no scripts, and nothing leaves the machine (no tracking pixels, no SSRF).
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url().startsWith('data:')) void request.continue();
        else void request.abort('blockedbyclient');
      });
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: false });
      return Buffer.from(pdf);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const launching = this.launching;
    this.launching = undefined;
    const launched = await launching?.catch(() => undefined);
    if (!launched) return;
    await launched.browser.close().catch(() => undefined);
    await removeProfile(launched.profileDir);
  }

  private browser(): Promise<Launched> {
    if (!this.launching) {
      const launching: Promise<Launched> = this.launch().then((launched) => {
        // A crash or kill: forget this browser (not a newer one) so the next render launches afresh.
        launched.browser.once('disconnected', () => {
          if (this.launching !== launching) return; // closed on purpose: close() cleans up
          this.launching = undefined;
          void removeProfile(launched.profileDir);
        });
        return launched;
      });
      this.launching = launching;
      // A failed launch is not cached either: the next render tries again.
      launching.catch(() => {
        if (this.launching === launching) this.launching = undefined;
      });
    }
    return this.launching;
  }

  private async launch(): Promise<Launched> {
    // A fresh profile each launch: a crashed Chromium leaves its profile locked.
    const profileDir = await mkdtemp(join(tmpdir(), 'expediente-chromium-'));
    try {
      const browser = await puppeteer.launch({
        executablePath: this.options.executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS, `--user-data-dir=${profileDir}`],
      });
      return { browser, profileDir };
    } catch (error) {
      await removeProfile(profileDir);
      throw error;
    }
  }
}

/** Best effort: Chromium may still be flushing files as it exits, and a stray temp folder harms nobody. */
const removeProfile = (dir: string): Promise<void> =>
  rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
