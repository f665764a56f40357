import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDetachedCms } from '../../../../test/support/verify-cms';
import { PooledPdfRenderer } from '../pdf/pdf-renderer.pool';
import { loadOrCreateSeal } from '../seal/seal';
import { icamFacts, inssFacts } from './resolution-facts.testing';
import { ResolutionOutcome, ResolutionRenderer } from './resolution-renderer';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const OUTCOMES: readonly ResolutionOutcome[] = ['granted', 'partially-granted', 'denied'];

const installed = (command: string) => {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasPoppler = installed('pdftotext');

describe('ResolutionRenderer', () => {
  let dataDir: string;
  let pdfRenderer: PooledPdfRenderer;
  let resolutions: ResolutionRenderer;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'expediente-resolution-'));
    pdfRenderer = new PooledPdfRenderer({ executablePath });
    resolutions = new ResolutionRenderer(pdfRenderer, loadOrCreateSeal(dataDir));
  });
  afterAll(async () => {
    await pdfRenderer.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const pdfText = (pdf: Buffer, name: string) => {
    const path = join(dataDir, `${name}.pdf`);
    writeFileSync(path, pdf);
    return {
      text: execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8'),
      info: execFileSync('pdfinfo', [path]).toString('utf8'),
    };
  };

  it.each(OUTCOMES)(
    'seals a %s resolution from INSS, in Spanish, with a signature that verifies',
    async (outcome) => {
      const { pdf, p7s, zip, language } = await resolutions.render({ ...inssFacts, outcome });

      expect(language).toBe('es');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      expect(verifyDetachedCms(p7s, pdf)).toEqual({
        valid: true,
        signer: expect.stringContaining('CN=Expediente sello electrónico (desarrollo)'),
      });
    },
  );

  it.each(OUTCOMES)(
    'seals a %s resolution from ICAM, in Catalan and Spanish, with a signature that verifies',
    async (outcome) => {
      const { pdf, p7s, language } = await resolutions.render({ ...icamFacts, outcome });

      expect(language).toBe('ca+es');
      expect(verifyDetachedCms(p7s, pdf).valid).toBe(true);
    },
  );

  (hasPoppler ? it : it.skip)(
    'fits an INSS letter on one A4 page and starts the Spanish version of an ICAM letter on a page of its own',
    async () => {
      const inss = pdfText((await resolutions.render(inssFacts)).pdf, 'inss');
      expect(inss.info).toMatch(/Pages:\s+1\n/);
      expect(inss.info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(inss.text).toContain('Resolución estimatoria parcial');
      expect(inss.text).toContain('ABCD-EFGH-JKLM-NPQR');

      const icam = pdfText((await resolutions.render(icamFacts)).pdf, 'icam');
      expect(icam.info).toMatch(/Pages:\s+2\n/);
      const [catalan, spanish] = icam.text.split('\f');
      expect(catalan).toContain('Resolució estimatòria parcial');
      expect(spanish).toContain('Resolución estimatoria parcial');
    },
  );

  it('does not verify a letter altered after sealing', async () => {
    const { pdf, p7s } = await resolutions.render({ ...inssFacts, outcome: 'denied' });
    const tampered = Buffer.from(pdf);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 10) ^ 1, tampered.length - 10);
    expect(verifyDetachedCms(p7s, tampered).valid).toBe(false);
  });
});
