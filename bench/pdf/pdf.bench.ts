/**
 * Resolution letters per second, three ways in the same run:
 *  - pooled: ResolutionRenderer (HTML, PDF, seal, zip) on PooledPdfRenderer;
 *  - browser per job: the same ResolutionRenderer on a renderer that launches Chromium for each letter;
 *  - bare: one browser, one page reused, setContent + page.pdf of the same HTML in a loop (no seal, no zip).
 * Pooled and browser-per-job get the same offered load: BENCH_CONCURRENCY letters at once
 * (default N × P, what a worker would run). BENCH_JOBS (default 60) letters per path;
 * BENCH_BROWSERS, BENCH_PAGES and BENCH_RENDERS set the pool's N, P and R.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, lockDown, removeProfile } from '@expediente/infra/pdf/chromium';
import type { PdfRenderer } from '@expediente/infra/pdf/pdf-renderer';
import { POOL_DEFAULTS, PooledPdfRenderer } from '@expediente/infra/pdf/pdf-renderer.pool';
import { PuppeteerPdfRenderer } from '@expediente/infra/pdf/pdf-renderer.puppeteer';
import { ResolutionFacts, ResolutionRenderer } from '@expediente/infra/resolutions/resolution-renderer';
import { resolutionHtml } from '@expediente/infra/resolutions/resolution-view';
import { loadOrCreateSeal } from '@expediente/infra/seal/seal';
import { envInt, log, round, runBench, timed } from '../support';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const jobs = envInt('BENCH_JOBS', 60);
const browsers = envInt('BENCH_BROWSERS', POOL_DEFAULTS.browsers);
const pagesPerBrowser = envInt('BENCH_PAGES', POOL_DEFAULTS.pagesPerBrowser);
const rendersPerBrowser = envInt('BENCH_RENDERS', POOL_DEFAULTS.rendersPerBrowser);
const concurrency = envInt('BENCH_CONCURRENCY', browsers * pagesPerBrowser);

const facts = (n: number): ResolutionFacts => ({
  caseId: `EXP-2026-${String(n).padStart(6, '0')}`,
  registryEntry: { number: `2026/${String(n).padStart(6, '0')}`, registeredAt: '2026-11-02T08:15:00.000Z' },
  unit: { kind: 'INSS', id: 'INSS-28', name: 'Dirección Provincial del INSS de Madrid' },
  addressee: {
    name: 'María José García Fernández',
    idNumber: '12345678Z',
    postalAddress: ['Calle de Alcalá, 123, 4.º B', '28009 Madrid'],
  },
  procedure: 'entitlement-application',
  outcome: (['granted', 'partially-granted', 'denied'] as const)[n % 3]!,
  resolvedAt: '2026-11-23T10:00:00.000Z',
  grounds: {
    es: [
      'La persona interesada solicitó la asistencia sanitaria para sí y para dos beneficiarios.',
      'Uno de los beneficiarios no acredita convivencia ni dependencia económica con la persona titular.',
    ],
  },
  legalBasis: { es: ['Real Decreto 1192/2012, de 3 de agosto, artículos 2 y 3.'] },
  terms: { es: ['Se reconoce el derecho a la asistencia sanitaria a la persona titular y a su hija.'] },
  csv: 'ABCDEFGHJKLMNPQR',
  verifyUrl: 'https://sede.expediente.example/verificar/ABCDEFGHJKLMNPQR',
});

/** The naive way: a fresh Chromium for every letter, closed when it is done. */
const browserPerJob: PdfRenderer = {
  async render(html) {
    const renderer = new PuppeteerPdfRenderer({ executablePath });
    try {
      return await renderer.render(html);
    } finally {
      await renderer.close();
    }
  },
  close: async () => undefined,
};

/** Runs `count` jobs, at most `width` at a time, with a progress line per quarter; returns letters per second. */
async function measure(label: string, count: number, width: number, job: (n: number) => Promise<unknown>) {
  let next = 0;
  let done = 0;
  const quarter = Math.max(1, Math.floor(count / 4));
  const lane = async () => {
    while (next < count) {
      await job(next++);
      done += 1;
      if (done % quarter === 0 && done < count) log(`  ${label}: ${done}/${count}`);
    }
  };
  const { seconds } = await timed(() => Promise.all(Array.from({ length: width }, lane)));
  const rate = count / seconds;
  log(`${label}: ${count} letters in ${round(seconds, 2)} s = ${round(rate, 2)}/s`);
  return rate;
}

runBench(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'expediente-bench-pdf-'));
  const seal = loadOrCreateSeal(dataDir);
  const html = resolutionHtml(facts(0));
  log(
    `${jobs} letters per path; pool N=${browsers} P=${pagesPerBrowser} R=${rendersPerBrowser}; concurrency ${concurrency}`,
  );
  try {
    const pool = new PooledPdfRenderer({ executablePath, browsers, pagesPerBrowser, rendersPerBrowser });
    let pooledPerSec: number;
    try {
      const pooled = new ResolutionRenderer(pool, seal);
      log('warm-up pooled (launches the browsers)');
      await measure('warm-up pooled', concurrency * 2, concurrency, (n) => pooled.render(facts(n)));
      pooledPerSec = await measure('pooled', jobs, concurrency, (n) => pooled.render(facts(n)));
    } finally {
      await pool.close();
    }

    const perJob = new ResolutionRenderer(browserPerJob, seal);
    await measure('warm-up browser per job', 1, 1, (n) => perJob.render(facts(n)));
    const browserPerJobPerSec = await measure('browser per job', jobs, concurrency, (n) =>
      perJob.render(facts(n)),
    );

    const { browser, profileDir } = await launchChromium(executablePath);
    let barePagePdfPerSec: number;
    try {
      const page = await browser.newPage();
      await lockDown(page);
      const print = async () => {
        await page.setContent(html, { waitUntil: 'load' });
        await page.pdf({ format: 'A4', printBackground: true });
      };
      await measure('warm-up bare', 5, 1, print);
      barePagePdfPerSec = await measure('bare page.pdf', jobs, 1, print);
    } finally {
      await browser.close();
      await removeProfile(profileDir);
    }

    return {
      bench: 'pdf',
      jobs,
      pooledPerSec: round(pooledPerSec, 2),
      browserPerJobPerSec: round(browserPerJobPerSec, 2),
      barePagePdfPerSec: round(barePagePdfPerSec, 2),
      ratio: round(pooledPerSec / browserPerJobPerSec, 2),
      ratioVsBare: round(pooledPerSec / barePagePdfPerSec, 2),
      targets: { ratio: 5, ratioVsBare: 0.8 },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
