import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import puppeteer, { Browser } from 'puppeteer';
import {
  PdfBrowserCrashed,
  PdfRendererClosed,
  PooledPdfRenderer,
  PooledPdfRendererOptions,
} from './pdf-renderer.pool';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const isPdf = (pdf: Buffer) => pdf.subarray(0, 5).toString('latin1') === '%PDF-';

/** Long enough to print that a kill lands while it is still rendering. */
const heavyHtml = `<!doctype html><body>${Array.from(
  { length: 4000 },
  (_, i) => `<p style="border:1px solid #888;padding:2mm">Fila ${i} · ${'texto de relleno '.repeat(8)}</p>`,
).join('')}</body>`;

/** The process and every descendant, read from /proc (ps may be missing in slim images). */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of execFileSync('ls', ['/proc']).toString().split('\n')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** Alive means present and not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe('PooledPdfRenderer', () => {
  let launched: Browser[];
  let pool: PooledPdfRenderer | undefined;

  const newPool = (options: Omit<PooledPdfRendererOptions, 'executablePath'>) =>
    (pool = new PooledPdfRenderer({ executablePath, ...options }));

  beforeEach(() => {
    launched = [];
    const launch = puppeteer.launch.bind(puppeteer);
    jest.spyOn(puppeteer, 'launch').mockImplementation(async (options) => {
      const browser = await launch(options);
      launched.push(browser);
      return browser;
    });
  });
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
    jest.restoreAllMocks();
  });

  it('renders concurrent requests on at most N browsers and at most P pages each', async () => {
    const renderer = newPool({ browsers: 2, pagesPerBrowser: 3 });
    const openPages = new Map<Browser, number>();
    let mostPagesOpen = 0;
    const watch = (browser: Browser) => {
      if (openPages.has(browser)) return;
      openPages.set(browser, 0);
      browser.on('targetcreated', (target) => {
        if (target.type() !== 'page') return;
        openPages.set(browser, openPages.get(browser)! + 1);
        mostPagesOpen = Math.max(mostPagesOpen, openPages.get(browser)!);
      });
      browser.on('targetdestroyed', (target) => {
        if (target.type() === 'page') openPages.set(browser, openPages.get(browser)! - 1);
      });
    };
    const watching = setInterval(() => launched.forEach(watch), 5);

    const pdfs = await Promise.all(Array.from({ length: 16 }, (_, n) => renderer.render(`<p>${n}</p>`)));
    clearInterval(watching);

    expect(pdfs.every(isPdf)).toBe(true);
    expect(launched.length).toBeLessThanOrEqual(2);
    expect(mostPagesOpen).toBeLessThanOrEqual(3);
  });

  it('reuses one browser for renders that come one after another', async () => {
    const renderer = newPool({ browsers: 2 });
    for (let n = 0; n < 4; n++) expect(isPdf(await renderer.render(`<p>${n}</p>`))).toBe(true);
    expect(launched).toHaveLength(1);
  });

  it('reuses its pages with scripts still off, and a document shows nothing of the one before', async () => {
    const renderer = newPool({ browsers: 1, pagesPerBrowser: 1 });
    await renderer.render('<p>first</p>');
    let pagesOpened = 0;
    launched[0]!.on('targetcreated', () => (pagesOpened += 1));

    const html = (text: string) =>
      `<p id="x">${text}</p><script>document.getElementById('x').textContent = 'scripted'</script>`;
    await renderer.render(html('uno'));
    const pdf = await renderer.render(html('dos'));

    expect(pagesOpened).toBe(0);
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    expect(text).toContain('dos');
    expect(text).not.toMatch(/uno|first|scripted/);
  });

  it('replaces a browser after R renders, letting it finish its own while a fresh one takes new work', async () => {
    const renderer = newPool({ browsers: 1, pagesPerBrowser: 3, rendersPerBrowser: 2 });

    const pdfs = await Promise.all(Array.from({ length: 7 }, (_, n) => renderer.render(`<p>${n}</p>`)));
    for (let n = 0; n < 3; n++) expect(isPdf(await renderer.render(`<p>after ${n}</p>`))).toBe(true);

    expect(pdfs.every(isPdf)).toBe(true);
    expect(launched).toHaveLength(5);
    const retired = launched.slice(0, 4);
    expect(await eventually(() => retired.every((browser) => !alive(browser.process()!.pid!)))).toBe(true);
  });

  it('fails the renders of a browser killed mid-render with a retryable error, and the next render works', async () => {
    const renderer = newPool({ browsers: 1, pagesPerBrowser: 2 });
    await renderer.render('<p>warm</p>');
    const [victim] = launched;

    let settled = false;
    const doomed = renderer.render(heavyHtml);
    void doomed.finally(() => (settled = true)).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    victim!.process()!.kill('SIGKILL');

    const failure = await doomed.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PdfBrowserCrashed);
    expect(failure).toMatchObject({ retryable: true, code: 'PDF_BROWSER_CRASHED' });

    expect(isPdf(await renderer.render('<p>after the crash</p>'))).toBe(true);
    expect(launched).toHaveLength(2);
  });

  it('on close finishes queued renders, refuses new ones and leaves none of its Chromium processes', async () => {
    const renderer = newPool({ browsers: 2, pagesPerBrowser: 2 });
    const rendering = Array.from({ length: 8 }, (_, n) => renderer.render(`<p>${n}</p>`));
    await rendering[0];
    const pids = launched.flatMap((browser) => processTree(browser.process()!.pid!));
    const profiles = launched.map(
      (browser) =>
        browser
          .process()!
          .spawnargs.find((arg) => arg.startsWith('--user-data-dir='))!
          .split('=')[1]!,
    );
    expect(pids.length).toBeGreaterThan(launched.length);

    const closing = renderer.close();
    await expect(renderer.render('<p>late</p>')).rejects.toBeInstanceOf(PdfRendererClosed);
    await closing;

    expect((await Promise.all(rendering)).every(isPdf)).toBe(true);
    expect(await eventually(() => pids.every((pid) => !alive(pid)))).toBe(true);
    expect(profiles.some(existsSync)).toBe(false);
  });
});
