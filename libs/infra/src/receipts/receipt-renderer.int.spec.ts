import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDetachedCms } from '../../../../test/support/verify-cms';
import { PuppeteerPdfRenderer } from '../pdf/pdf-renderer.puppeteer';
import { loadOrCreateSeal } from '../seal/seal';
import { generateCsv } from './csv';
import type { ReceiptStatement } from '@expediente/domain';
import { ReceiptRenderer, RECEIPT_PDF, RECEIPT_SIGNATURE } from './receipt-renderer';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const csv = generateCsv();

const receiptFacts: ReceiptStatement = {
  registryEntry: { number: '2026/000123', registeredAt: '2026-11-23T10:05:07.000Z' },
  csv,
  verifyUrl: `https://sede.expediente.example/verificar/${csv}`,
  filer: { name: 'María José García Fernández', idNumber: '12345678Z' },
  subject: { name: 'Josep Puig i Ferrer', idNumber: 'X1234567L' },
  procedure: 'Aportación de informes médicos actualizados para una prestación en evaluación',
  addresseeUnit: "Institut Català d'Avaluacions Mèdiques (ICAM)",
  province: { code: '08', name: 'Barcelona' },
  benefitRequestRef: 'IP-2026-004567',
  documents: [
    {
      filename: 'Informe cardiología — Hospital del Mar.pdf',
      contentType: 'application/pdf',
      kind: 'medical-report',
      size: 1_254_871,
      sha256: 'a3f1c2d4e5b6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
    },
    {
      filename: '<script>alert(1)</script>.png',
      contentType: 'image/png',
      kind: 'representation',
      size: 48_213,
      sha256: '0f9e8d7c6b5a49382716fedcba98765432100123456789abcdef0123456789ab',
    },
  ],
};

/** The zip's central directory names each entry in plain text after the signature `PK\x01\x02`. */
function zipEntryNames(zip: Buffer): string[] {
  const names: string[] = [];
  for (let at = zip.indexOf('PK\x01\x02'); at !== -1; at = zip.indexOf('PK\x01\x02', at + 4)) {
    const length = zip.readUInt16LE(at + 28);
    names.push(zip.subarray(at + 46, at + 46 + length).toString('utf8'));
  }
  return names;
}

const installed = (command: string, probe: string) => {
  try {
    execFileSync(command, [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasUnzip = installed('unzip', '-v');
const hasPdftotext = installed('pdftotext', '-v');

describe('ReceiptRenderer', () => {
  let dataDir: string;
  let pdfRenderer: PuppeteerPdfRenderer;
  let receipts: ReceiptRenderer;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'expediente-receipt-'));
    pdfRenderer = new PuppeteerPdfRenderer({ executablePath });
    receipts = new ReceiptRenderer(pdfRenderer, loadOrCreateSeal(dataDir));
  });
  afterAll(async () => {
    await pdfRenderer.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders the proof of receipt as a PDF sealed with a detached signature that verifies', async () => {
    const { pdf, p7s } = await receipts.renderReceipt(receiptFacts);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(verifyDetachedCms(p7s, pdf)).toEqual({
      valid: true,
      signer: expect.stringContaining('CN=Expediente sello electrónico (desarrollo)'),
    });
  });

  it('delivers receipt.pdf and receipt.pdf.p7s together in one zip', async () => {
    const { zip } = await receipts.renderReceipt(receiptFacts);

    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(zipEntryNames(zip)).toEqual([RECEIPT_PDF, RECEIPT_SIGNATURE]);
  });

  (hasUnzip ? it : it.skip)('zips the very bytes that were signed', async () => {
    const { pdf, p7s, zip } = await receipts.renderReceipt(receiptFacts);
    const zipPath = join(dataDir, 'receipt.zip');
    writeFileSync(zipPath, zip);

    const unzipped = (name: string) => execFileSync('unzip', ['-p', zipPath, name]);

    expect(unzipped(RECEIPT_PDF).equals(pdf)).toBe(true);
    expect(unzipped(RECEIPT_SIGNATURE).equals(p7s)).toBe(true);
    expect(verifyDetachedCms(unzipped(RECEIPT_SIGNATURE), unzipped(RECEIPT_PDF)).valid).toBe(true);
  });

  (hasPdftotext ? it : it.skip)(
    'prints the entry, the Madrid time and the grouped CSV on one A4 page',
    async () => {
      const { pdf } = await receipts.renderReceipt(receiptFacts);
      const pdfPath = join(dataDir, 'receipt.pdf');
      writeFileSync(pdfPath, pdf);

      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString('utf8');
      const info = execFileSync('pdfinfo', [pdfPath]).toString('utf8');

      expect(text).toContain('2026/000123');
      expect(text).toContain('23/11/2026 11:05:07 CET (UTC+01:00)');
      expect(text).toContain(`${csv.slice(0, 4)}-${csv.slice(4, 8)}-${csv.slice(8, 12)}-${csv.slice(12)}`);
      expect(text).toContain('<script>alert(1)</script>.png');
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    },
  );
});
