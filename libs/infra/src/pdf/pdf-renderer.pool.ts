import type { Browser, Page } from 'puppeteer';
import type { PdfRenderer } from './pdf-renderer';
import { launchChromium, LaunchedChromium, lockDown, printA4, removeProfile } from './chromium';

export interface PooledPdfRendererOptions {
  readonly executablePath: string;
  /** Browsers serving renders at once (N). One per core: each print keeps a core busy. */
  readonly browsers?: number;
  /** Pages one browser renders at once (P); more requests wait in a queue. */
  readonly pagesPerBrowser?: number;
  /** Renders after which a browser is replaced (R), so Chromium's slow leaks never pile up. */
  readonly rendersPerBrowser?: number;
}

export const POOL_DEFAULTS = { browsers: 2, pagesPerBrowser: 3, rendersPerBrowser: 200 } as const;

/** Chromium died under this render (crash, OOM kill): nothing is wrong with the document, so render it again. */
export class PdfBrowserCrashed extends Error {
  override readonly name = 'PdfBrowserCrashed';
  readonly code = 'PDF_BROWSER_CRASHED';
  readonly retryable = true;
  constructor(cause: unknown) {
    super('Chromium exited while rendering this PDF; the next attempt gets a fresh browser.', { cause });
  }
}

export class PdfRendererClosed extends Error {
  override readonly name = 'PdfRendererClosed';
  readonly code = 'PDF_RENDERER_CLOSED';
  readonly retryable = false;
  constructor() {
    super('The PDF renderer is closing and takes no new renders.');
  }
}

interface Member {
  readonly launched: Promise<LaunchedChromium>;
  /** Renders holding one of its page slots (including ones waiting for the launch). */
  active: number;
  /** Renders handed to it over its life; at R it retires. */
  assigned: number;
  /** serving → retiring (no new renders, finishing its own) → gone; or straight to gone on a crash. */
  state: 'serving' | 'retiring' | 'gone';
  crashed: boolean;
  /** Closed on purpose (retired or pool closing): its 'disconnected' is no crash. */
  shuttingDown: boolean;
  /** Locked-down pages between renders, at most P. */
  readonly idlePages: Page[];
}

/**
 * N Chromium browsers, each printing up to P pages at once; renders beyond N × P queue in
 * arrival order. A browser that has taken R renders retires gracefully: new renders go to a
 * fresh one while it finishes its own, so for that moment N + 1 processes exist. A browser
 * that dies is dropped at once: its renders fail with the retryable PdfBrowserCrashed and the
 * next render launches a replacement. Browsers start on demand, not in the constructor.
 *
 * Pages are kept and reused, unlike PuppeteerPdfRenderer's page per render: opening and
 * locking down a page costs more than printing a letter (≈ 75 ms against ≈ 50 ms), and reuse
 * leaks nothing between documents: scripts are off and nothing but data: URLs loads, so a
 * document can leave no cookies, storage or script state, and setContent replaces the whole
 * document. A page that fails is closed, never reused; recycling the browser after R renders
 * bounds what a long-lived page accumulates.
 */
export class PooledPdfRenderer implements PdfRenderer {
  private readonly size: number;
  private readonly pagesPerBrowser: number;
  private readonly rendersPerBrowser: number;
  private readonly members: Member[] = [];
  private readonly waiting: ((member: Member) => void)[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly shutdowns = new Set<Promise<void>>();
  private closing = false;

  constructor(private readonly options: PooledPdfRendererOptions) {
    this.size = positive('browsers', options.browsers ?? POOL_DEFAULTS.browsers);
    this.pagesPerBrowser = positive(
      'pagesPerBrowser',
      options.pagesPerBrowser ?? POOL_DEFAULTS.pagesPerBrowser,
    );
    this.rendersPerBrowser = positive(
      'rendersPerBrowser',
      options.rendersPerBrowser ?? POOL_DEFAULTS.rendersPerBrowser,
    );
  }

  render(html: string): Promise<Buffer> {
    if (this.closing) return Promise.reject(new PdfRendererClosed());
    const rendering = this.renderOnMember(html);
    this.inFlight.add(rendering);
    const settled = () => this.inFlight.delete(rendering);
    rendering.then(settled, settled);
    return rendering;
  }

  /** Takes no new renders, lets queued and running ones finish, then closes every browser. */
  async close(): Promise<void> {
    this.closing = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    for (const member of [...this.members]) this.shutDown(member);
    while (this.shutdowns.size > 0) await Promise.all([...this.shutdowns]);
  }

  private async renderOnMember(html: string): Promise<Buffer> {
    const member = await new Promise<Member>((resolve) => {
      this.waiting.push(resolve);
      this.dispatch();
    });
    try {
      const { browser } = await member.launched;
      try {
        const page = member.idlePages.pop() ?? (await openPage(browser));
        let reusable = false;
        try {
          const pdf = await printA4(page, html);
          reusable = member.state !== 'gone';
          return pdf;
        } finally {
          // A page that failed may be in any state: it goes, and a later render opens a fresh one.
          if (reusable) member.idlePages.push(page);
          else await page.close().catch(() => undefined);
        }
      } catch (error) {
        // The connection drops before puppeteer emits 'disconnected': ask it directly too.
        if (member.crashed || !browser.connected) throw new PdfBrowserCrashed(error);
        throw error;
      }
    } finally {
      this.release(member);
    }
  }

  /** Hands queued renders to free slots, in arrival order. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const member = this.freeMember();
      if (!member) return;
      member.active += 1;
      member.assigned += 1;
      if (member.assigned >= this.rendersPerBrowser) member.state = 'retiring';
      this.waiting.shift()!(member);
    }
  }

  /** An idle browser, else a new one while fewer than N serve, else the least busy one with a free page. */
  private freeMember(): Member | undefined {
    const serving = this.members.filter((member) => member.state === 'serving');
    const idle = serving.find((member) => member.active === 0);
    if (idle) return idle;
    if (serving.length < this.size) return this.spawn();
    const open = serving.filter((member) => member.active < this.pagesPerBrowser);
    return open.sort((a, b) => a.active - b.active)[0];
  }

  private spawn(): Member {
    const member: Member = {
      launched: launchChromium(this.options.executablePath),
      active: 0,
      assigned: 0,
      state: 'serving',
      crashed: false,
      shuttingDown: false,
      idlePages: [],
    };
    this.members.push(member);
    member.launched.then(
      ({ browser, profileDir }) =>
        browser.once('disconnected', () => {
          if (member.shuttingDown) return; // shutDown cleans up
          member.crashed = true;
          this.forget(member);
          void removeProfile(profileDir);
          this.dispatch();
        }),
      () => {
        // A failed launch fails the renders handed to it; the next render launches again.
        this.forget(member);
        this.dispatch();
      },
    );
    return member;
  }

  private release(member: Member): void {
    member.active -= 1;
    if (member.state === 'retiring' && member.active === 0) this.shutDown(member);
    this.dispatch();
  }

  private shutDown(member: Member): void {
    if (member.shuttingDown) return;
    member.shuttingDown = true;
    this.forget(member);
    const shutdown = member.launched.then(
      async ({ browser, profileDir }) => {
        await browser.close().catch(() => undefined);
        await removeProfile(profileDir);
      },
      () => undefined,
    );
    this.shutdowns.add(shutdown);
    void shutdown.finally(() => this.shutdowns.delete(shutdown));
  }

  private forget(member: Member): void {
    member.state = 'gone';
    const index = this.members.indexOf(member);
    if (index !== -1) this.members.splice(index, 1);
  }
}

async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  try {
    await lockDown(page);
    return page;
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}
