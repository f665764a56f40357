import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer';

/** Chromium with nothing that phones home or needs a display; no sandbox because it runs as a service user in a container. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedChromium {
  readonly browser: Browser;
  readonly profileDir: string;
}

export async function launchChromium(executablePath: string): Promise<LaunchedChromium> {
  // A fresh profile each launch: a crashed Chromium leaves its profile locked.
  const profileDir = await mkdtemp(join(tmpdir(), 'expediente-chromium-'));
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      // Over a pipe, not a WebSocket: if this process is killed (SIGKILL, OOM), Chromium sees the
      // pipe close and exits, instead of living on as an orphan with its profile.
      pipe: true,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${profileDir}`],
    });
    return { browser, profileDir };
  } catch (error) {
    await removeProfile(profileDir);
    throw error;
  }
}

/** Documents are static: no scripts, and nothing leaves the machine (no tracking pixels, no SSRF). */
export async function lockDown(page: Page): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) void request.continue();
    else void request.abort('blockedbyclient');
  });
}

/** `page` must have been locked down first. */
export async function printA4(page: Page, html: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: false });
  return Buffer.from(pdf);
}

/** Best effort: Chromium may still be flushing files as it exits, and a stray temp folder harms nobody. */
export const removeProfile = (dir: string): Promise<void> =>
  rm(dir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
