import type { PdfRenderer } from './pdf-renderer';
import { launchChromium, LaunchedChromium, lockDown, printA4, removeProfile } from './chromium';

/**
 * One Chromium per process, started on the first render (launch ≈ 0.5 s, a page ≈ 0.15 s),
 * shared by concurrent renders, and started again if it crashed. Each render gets its own
 * page, closed afterwards, so one document never sees another's state.
 */
export class PuppeteerPdfRenderer implements PdfRenderer {
  private launching: Promise<LaunchedChromium> | undefined;

  constructor(private readonly options: { readonly executablePath: string }) {}

  async render(html: string): Promise<Buffer> {
    const { browser } = await this.browser();
    const page = await browser.newPage();
    try {
      await lockDown(page);
      return await printA4(page, html);
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

  private browser(): Promise<LaunchedChromium> {
    if (!this.launching) {
      const launching: Promise<LaunchedChromium> = launchChromium(this.options.executablePath).then(
        (launched) => {
          // A crash or kill: forget this browser (not a newer one) so the next render launches afresh.
          launched.browser.once('disconnected', () => {
            if (this.launching !== launching) return; // closed on purpose: close() cleans up
            this.launching = undefined;
            void removeProfile(launched.profileDir);
          });
          return launched;
        },
      );
      this.launching = launching;
      // A failed launch is not cached either: the next render tries again.
      launching.catch(() => {
        if (this.launching === launching) this.launching = undefined;
      });
    }
    return this.launching;
  }
}
