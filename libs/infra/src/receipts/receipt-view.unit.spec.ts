import { receiptHtml } from './receipt-view';
import type { ReceiptStatement } from '@expediente/domain';

const facts: ReceiptStatement = {
  registryEntry: { number: '2026/000123', registeredAt: '2026-11-23T10:05:07.000Z' },
  csv: 'ABCDEFGHJKLMNPQR',
  verifyUrl: 'https://sede.expediente.example/verificar/ABCDEFGHJKLMNPQR',
  filer: { name: 'María José García Fernández', idNumber: '12345678Z' },
  subject: { name: 'María José García Fernández', idNumber: '12345678Z' },
  procedure: 'Aportación de informes médicos',
  addresseeUnit: 'Dirección Provincial del INSS de Madrid',
  province: { code: '28', name: 'Madrid' },
  documents: [
    {
      filename: 'informe.pdf',
      contentType: 'application/pdf',
      kind: 'medical-report',
      size: 1_254_871,
      sha256: 'a3f1c2d4e5b6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90',
    },
  ],
};

describe('the proof of receipt', () => {
  it('is a standards-mode HTML document, so Chromium lays it out as designed', () => {
    expect(receiptHtml(facts)).toMatch(/^<!doctype html>\n<html lang='es'>/);
  });

  it('states the registry time on the Madrid clock with its zone, and in UTC', () => {
    const html = receiptHtml(facts);
    expect(html).toContain('23/11/2026 11:05:07 CET (UTC+01:00)');
    expect(html).toContain('UTC: 2026-11-23T10:05:07Z');
  });

  it('uses summer time for a filing in July', () => {
    const html = receiptHtml({
      ...facts,
      registryEntry: { number: '2026/000124', registeredAt: '2026-07-01T22:30:00Z' },
    });
    expect(html).toContain('02/07/2026 00:30:00 CEST (UTC+02:00)');
  });

  it('prints the CSV in groups of four and the public URL to check it', () => {
    const html = receiptHtml(facts);
    expect(html).toContain('ABCD-EFGH-JKLM-NPQR');
    expect(html).toContain('https://sede.expediente.example/verificar/ABCDEFGHJKLMNPQR');
  });

  it('lists each document with its type, size and full sha-256', () => {
    const html = receiptHtml(facts);
    expect(html).toContain('informe.pdf');
    expect(html).toContain('Informe médico');
    expect(html).toContain('1,2 MB');
    expect(html).toContain('a3f1c2d4e5b6978812ab34cd56ef7890');
    expect(html).toContain('a1b2c3d4e5f60718293a4b5c6d7e8f90');
  });

  it('says whether the filer acted in their own name or for someone else', () => {
    expect(receiptHtml(facts)).toContain('En nombre propio');
    const byProxy = receiptHtml({
      ...facts,
      subject: { name: 'Josep Puig i Ferrer', idNumber: 'X1234567L' },
    });
    expect(byProxy).toContain('Presentado en su representación');
    expect(byProxy).toContain('Josep Puig i Ferrer');
  });

  it('escapes a file name that carries markup, so a citizen cannot inject HTML into the receipt', () => {
    const html = receiptHtml({
      ...facts,
      documents: [{ ...facts.documents[0]!, filename: '<img src=x onerror=alert(1)>.pdf' }],
    });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;.pdf');
  });

  it('writes the page footer as a CSS string no value can break out of', () => {
    const html = receiptHtml({
      ...facts,
      registryEntry: { ...facts.registryEntry, number: '"}</style><b>x' },
    });
    expect(html).not.toContain('<b>x');
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    expect(style).not.toContain('<b>');
    expect(style.match(/@bottom-left \{ content: "([^"]*)";/)?.[1]).toContain('\\22 ');
  });
});
