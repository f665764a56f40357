import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import forge from 'node-forge';

/** The server's electronic seal: what signs receipts so anyone can check they came from us unaltered. */
export interface Seal {
  /** DER CMS SignedData over `content`, detached (the content travels beside it as receipt.pdf). */
  signDetached(content: Buffer): Buffer;
  readonly certificatePem: string;
}

export const SEAL = Symbol('SEAL');

/** Spelt out: forge's `pki.oids` table is typed as possibly missing every entry. */
const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const KEY_FILE = 'seal.key.pem';
const CERT_FILE = 'seal.cert.pem';
const VALIDITY_YEARS = 5;

/**
 * forge writes names as PrintableString unless told otherwise, which cannot hold "ó". Its
 * typings call this field a tag *class*; the code reads it as the string *type*.
 */
const utf8Type: number = forge.asn1.Type.UTF8;
export const UTF8: forge.asn1.Class = utf8Type;

/** A development seal only: production loads a qualified seal certificate issued to the body. */
const SUBJECT: forge.pki.CertificateField[] = [
  { name: 'commonName', value: 'Expediente sello electrónico (desarrollo)', valueTagClass: UTF8 },
  { name: 'organizationName', value: 'Expediente', valueTagClass: UTF8 },
  { name: 'countryName', value: 'ES' },
];

const SEAL_EXTENSIONS = [
  { name: 'basicConstraints', cA: false, critical: true },
  { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  { name: 'subjectKeyIdentifier' },
];

export class SealKeyMismatch extends Error {
  override readonly name = 'SealKeyMismatch';
  constructor(dir: string) {
    super(`${dir}: the private key does not belong to its certificate; restore the pair from backup.`);
  }
}

/**
 * Loads the seal kept in `${dataDir}/seal`, creating it on first start. Receipts already
 * issued are checked against this certificate, so it must survive restarts and be shared
 * by every process on the same data directory.
 */
export function loadOrCreateSeal(dataDir: string, now: Date = new Date()): Seal {
  return sealFrom(loadOrCreateSigningKey(resolve(dataDir, 'seal'), SUBJECT, SEAL_EXTENSIONS, now));
}

/** A private key and its self-signed certificate, kept in `dir` and created there on first use. */
export interface SigningKey {
  readonly key: forge.pki.rsa.PrivateKey;
  readonly certificate: forge.pki.Certificate;
  readonly certificatePem: string;
  /** The certificate's issuer, ready for a CMS signer (see decodedName). */
  readonly issuer: forge.pki.CertificateField[];
}

/** Also the local time-stamping authority's key (its own directory, subject and key usage). */
export function loadOrCreateSigningKey(
  dir: string,
  subject: forge.pki.CertificateField[],
  extensions: object[],
  now: Date = new Date(),
): SigningKey {
  if (!existsSync(join(dir, KEY_FILE))) createSigningKey(dir, subject, extensions, now);
  const certificatePem = readFileSync(join(dir, CERT_FILE), 'utf8');
  const key = forge.pki.privateKeyFromPem(
    readFileSync(join(dir, KEY_FILE), 'utf8'),
  ) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.certificateFromPem(certificatePem);
  const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
  if (!publicKey.n.equals(key.n) || !publicKey.e.equals(key.e)) throw new SealKeyMismatch(dir);
  return { key, certificate, certificatePem, issuer: decodedName(certificate.issuer.attributes) };
}

function sealFrom({ key, certificate, certificatePem, issuer }: SigningKey): Seal {
  return {
    certificatePem,
    signDetached(content: Buffer): Buffer {
      const signed = forge.pkcs7.createSignedData();
      signed.content = forge.util.createBuffer(content.toString('binary'));
      signed.addCertificate(certificate);
      const signer = {
        key,
        issuer,
        serialNumber: certificate.serialNumber,
        digestAlgorithm: OID.sha256,
        authenticatedAttributes: [
          { type: OID.contentType, value: OID.data },
          { type: OID.messageDigest }, // forge fills in sha-256(content)
          { type: OID.signingTime }, // forge fills in the current time
        ],
      };
      signed.addSigner(signer);
      signed.sign({ detached: true });
      return Buffer.from(forge.asn1.toDer(signed.toAsn1()).getBytes(), 'binary');
    },
  };
}

/**
 * forge keeps a parsed name's UTF-8 values as raw bytes and encodes them again when it writes
 * the signer's issuer, so "ó" became "Ã³" and verifiers (OpenSSL) could not find the signer's
 * certificate. Handing it the decoded text makes the issuer match the certificate byte for byte.
 */
function decodedName(attributes: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attributes.map((attribute) =>
    attribute.valueTagClass === UTF8 && typeof attribute.value === 'string'
      ? { ...attribute, value: forge.util.decodeUtf8(attribute.value) }
      : attribute,
  );
}

/**
 * Key and certificate are written into a scratch folder and renamed into place together:
 * if the API and the worker start at once on a fresh data directory, one pair wins whole
 * instead of one process's key ending up beside the other's certificate.
 */
function createSigningKey(
  dir: string,
  subject: forge.pki.CertificateField[],
  extensions: object[],
  now: Date,
): void {
  const parent = resolve(dir, '..');
  mkdirSync(parent, { recursive: true });
  const scratch = mkdtempSync(join(parent, '.seal-'));
  try {
    // Node's native RSA generation: forge's pure-JS one takes seconds.
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const certificatePem = selfSignedCertificate(
      keyPem,
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      { subject, extensions, now },
    );
    writeFileSync(join(scratch, KEY_FILE), keyPem, { mode: 0o600 });
    writeFileSync(join(scratch, CERT_FILE), certificatePem, { mode: 0o644 });
    renameSync(scratch, dir);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    // Another process created the seal first: use theirs.
    if (existsSync(join(dir, KEY_FILE))) return;
    throw error;
  }
}

function selfSignedCertificate(
  keyPem: string,
  publicKeyPem: string,
  { subject, extensions, now }: { subject: forge.pki.CertificateField[]; extensions: object[]; now: Date },
): string {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  // Positive 128-bit serial (leading byte below 0x80), as RFC 5280 asks.
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = now;
  certificate.validity.notAfter = new Date(now);
  certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + VALIDITY_YEARS);
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions(extensions);
  certificate.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(certificate);
}
