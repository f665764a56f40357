import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyDetachedCms } from '../../../../test/support/verify-cms';
import { loadOrCreateSeal } from './seal';

const RECEIPT = Buffer.from('%PDF-1.7\nJustificante de registro 2026/000123\n%%EOF\n');

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the server seal', () => {
  let dataDir: string;

  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'expediente-seal-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('signs so that an independent verifier accepts the signature and names the seal', () => {
    const seal = loadOrCreateSeal(dataDir);

    const result = verifyDetachedCms(seal.signDetached(RECEIPT), RECEIPT);

    expect(result.valid).toBe(true);
    expect(result.signer).toContain('CN=Expediente sello electrónico (desarrollo)');
  });

  it('fails verification when a single byte of the content changed', () => {
    const seal = loadOrCreateSeal(dataDir);
    const p7s = seal.signDetached(RECEIPT);
    const tampered = Buffer.from(RECEIPT);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 2) ^ 0x01, tampered.length - 2);

    expect(verifyDetachedCms(p7s, tampered).valid).toBe(false);
  });

  it('keeps its key across restarts: a second load signs with the same certificate', () => {
    const first = loadOrCreateSeal(dataDir);
    const second = loadOrCreateSeal(dataDir);

    expect(second.certificatePem).toBe(first.certificatePem);
    const p7s = second.signDetached(RECEIPT);
    expect(verifyDetachedCms(p7s, RECEIPT).valid).toBe(true);
    expect(p7s.includes(new X509Certificate(first.certificatePem).raw)).toBe(true);
  });

  it('keeps the private key readable by its owner only', () => {
    loadOrCreateSeal(dataDir);
    expect(statSync(join(dataDir, 'seal', 'seal.key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'seal', 'seal.cert.pem'), 'utf8')).toMatch(
      /^-----BEGIN CERTIFICATE-----/,
    );
  });

  it('issues a self-signed certificate to Expediente, Spain, valid for five years', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const certificate = new X509Certificate(loadOrCreateSeal(dataDir, now).certificatePem);

    expect(certificate.subject.split('\n')).toEqual([
      'CN=Expediente sello electrónico (desarrollo)',
      'O=Expediente',
      'C=ES',
    ]);
    expect(certificate.issuer).toBe(certificate.subject);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(new Date(certificate.validFrom).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(new Date(certificate.validTo).toISOString()).toBe('2031-11-23T10:00:00.000Z');
  });

  (hasOpenssl ? it : it.skip)('produces a detached CMS signature OpenSSL verifies', () => {
    const seal = loadOrCreateSeal(dataDir);
    const files = { content: join(dataDir, 'receipt.pdf'), p7s: join(dataDir, 'receipt.pdf.p7s') };
    writeFileSync(files.content, RECEIPT);
    writeFileSync(files.p7s, seal.signDetached(RECEIPT));
    const cert = join(dataDir, 'seal', 'seal.cert.pem');
    const verify = (content: string) =>
      execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          files.p7s,
          '-content',
          content,
          '-CAfile',
          cert,
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { stdio: 'pipe' },
      );

    expect(() => verify(files.content)).not.toThrow();
    writeFileSync(files.content, Buffer.concat([RECEIPT, Buffer.from(' ')]));
    expect(() => verify(files.content)).toThrow();
  });
});
