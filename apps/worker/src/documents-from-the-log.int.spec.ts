import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ICAM } from '@expediente/domain';
import type { StoredDomainEvent } from '@expediente/domain';
import { asDomainEvent } from '@expediente/infra/event-store/domain-events';
import { PooledPdfRenderer } from '@expediente/infra/pdf/pdf-renderer.pool';
import { ReceiptRenderer } from '@expediente/infra/receipts/receipt-renderer';
import { ResolutionRenderer } from '@expediente/infra/resolutions/resolution-renderer';
import { loadOrCreateSeal } from '@expediente/infra/seal/seal';
import { receiptFactsOf } from './receipts/receipt-facts';
import { resolutionFactsOf } from '@expediente/infra/resolutions/resolution-facts';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const stored = (
  type: string,
  data: Record<string, unknown>,
  metadata: Record<string, unknown>,
): StoredDomainEvent => {
  const event = asDomainEvent({
    id: `${type}-id`,
    stream: 'case-c1',
    type,
    schemaVersion: 1,
    data,
    metadata,
    recordedAt: new Date('2026-11-23T10:00:00Z'),
    streamVersion: 1,
    position: 1,
    hash: '0'.repeat(64),
  });
  if (!event) throw new Error(`${type} is no event of Expediente's`);
  return event;
};

const registered = {
  caseId: 'c1',
  registryEntry: { number: '2026/000042', registeredAt: '2026-11-23T10:00:00.000Z' },
  receiptCsv: 'ABCDEFGHJKLMNPQR',
  signedWith: 'certificate',
  attachments: [
    {
      blobHash: 'a'.repeat(64),
      filename: 'documento.pdf',
      contentType: 'application/pdf',
      size: 2048,
      kind: 'representation',
    },
  ],
  submittedAt: '2026-11-23T10:00:00.000Z',
};

/** A representative (Jordi) files for Núria, by a power she granted under her name. */
const reportsByProxy = stored(
  'ReportsSubmitted',
  {
    ...registered,
    filer: '12345678Z',
    subject: '23456789D',
    subjectName: 'Núria Puig Soler',
    representation: { kind: 'power-of-attorney', powerId: 'p1' },
    benefitRequestRef: 'IP-2026-004567',
    provinceCode: '08',
    unit: ICAM,
  },
  { actor: '12345678Z', actorName: 'Jordi Vila Roca' },
);

const entitlementInOwnName = stored(
  'EntitlementApplicationSubmitted',
  {
    ...registered,
    filer: '34567890V',
    subject: '34567890V',
    representation: { kind: 'own-name' },
    provinceCode: '28',
    beneficiaries: [
      { name: 'Hana Martín 東京', identityNumber: '45678901G', birthDate: '2015-03-09' },
      { name: 'Leo Martín Gil', birthDate: '2026-01-20' },
    ],
    paperOptOut: true,
    filingDate: '2026-11-23',
    unit: { kind: 'INSS', id: 'INSS-28', name: 'Dirección Provincial del INSS de Madrid' },
  },
  { actor: '34567890V', actorName: 'Lucía Martín Gil' },
);

describe('documents state what the filing recorded', () => {
  let dataDir: string;
  let pdfRenderer: PooledPdfRenderer;
  let receipts: ReceiptRenderer;
  let resolutions: ResolutionRenderer;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'expediente-documents-'));
    pdfRenderer = new PooledPdfRenderer({ executablePath });
    const seal = loadOrCreateSeal(dataDir);
    receipts = new ReceiptRenderer(pdfRenderer, seal);
    resolutions = new ResolutionRenderer(pdfRenderer, seal);
  });
  afterAll(async () => {
    await pdfRenderer.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const poppler = (pdf: Buffer, name: string) => {
    const path = join(dataDir, `${name}.pdf`);
    writeFileSync(path, pdf);
    return {
      text: execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8'),
      fonts: execFileSync('pdffonts', [path]).toString('utf8'),
    };
  };

  it('prints the NOTES reference and the province on a medical-report receipt', async () => {
    const facts = receiptFactsOf([reportsByProxy], 'https://sede.example');
    const { text } = poppler((await receipts.renderReceipt(facts)).pdf, 'reports-receipt');

    expect(text).toMatch(/SOLICITUD DE PRESTACIÓN \(NOTES\) \/\s+IP-2026-004567/);
    expect(text).toMatch(/PROVINCIA \/ Province\s+Barcelona \(08\)/);
    expect(text).toContain('Núria Puig Soler · 23456789D');
    expect(text).toContain('Jordi Vila Roca · 12345678Z');
  });

  it('lists every beneficiary on an entitlement receipt, a name in Japanese script included', async () => {
    const facts = receiptFactsOf([entitlementInOwnName], 'https://sede.example');
    const { text, fonts } = poppler((await receipts.renderReceipt(facts)).pdf, 'entitlement-receipt');
    const flat = text.replace(/\s+/g, ' ');

    expect(flat).toContain('1 Hana Martín 東京 45678901G 09/03/2015');
    expect(flat).toContain('2 Leo Martín Gil — 20/01/2026');
    expect(flat).toContain('PROVINCIA / Province Madrid (28)');
    // pdftotext gets 東京 back only if a font covering it was embedded (Noto Sans CJK, a CFF collection,
    // which Chromium embeds as unnamed Type 3 glyphs): every font embedded, every one mapped to Unicode.
    const rows = fonts.trim().split('\n').slice(2);
    expect(rows.some((row) => /Type 3/.test(row))).toBe(true);
    for (const row of rows) expect(row).toMatch(/\byes\s+(yes|no)\s+yes\s+\d+\s+\d+$/);
  });

  it('addresses the resolution to the subject by name, with their DNI once', async () => {
    const review = [
      stored('ReviewOpened', { caseId: 'c1', unit: ICAM, procedure: 'medical-report-submission' }, {}),
      stored(
        'CaseResolved',
        {
          caseId: 'c1',
          outcome: 'granted',
          grounds: 'Informes valorats.',
          legalBasis: 'Art. 193 LGSS.',
          resolvedAt: '2026-11-30T09:00:00Z',
        },
        {},
      ),
    ];
    const facts = resolutionFactsOf([reportsByProxy], review, {
      csv: 'ABCDEFGHJKLMNPQR',
      verifyBaseUrl: 'x',
    });
    const { text } = poppler((await resolutions.render(facts)).pdf, 'resolution');

    const letters = text.split('\f').filter((page) => page.includes('DESTINATARI'));
    expect(letters).toHaveLength(2); // Catalan, then Spanish
    for (const letter of letters) {
      const addressee = letter.slice(letter.indexOf('DESTINATARI'), letter.indexOf('\nRESOLUCI'));
      expect(addressee).toContain('Núria Puig Soler');
      expect(addressee.match(/23456789D/g)).toHaveLength(1);
      expect(addressee).not.toContain('Jordi');
    }
  });
});
