import { createHash, timingSafeEqual, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  data: '1.2.840.113549.1.7.1',
};

export interface CmsVerdict {
  readonly valid: boolean;
  /** The signer's certificate subject, as Node prints it. */
  readonly signer: string;
  /** The signer's certificate (DER), to compare with the one the verifier trusts. */
  readonly certificate: Buffer;
  /** The encapsulated content type (data for a detached signature, TSTInfo for a time-stamp token). */
  readonly contentType: string;
  /** The encapsulated content, when the signature carries it (RFC 3161 tokens do). */
  readonly content?: Buffer;
}

/**
 * Checks a CMS SignedData the way an outside verifier would, independently of the library
 * that made it: forge only splits the ASN.1, the cryptography is Node's own. `detachedContent`
 * is the content of a detached signature; without it the encapsulated content is checked.
 */
export function verifyCms(p7s: Buffer, detachedContent?: Buffer): CmsVerdict {
  const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(p7s.toString('binary')));
  const [typeOid, explicitContent] = children(contentInfo);
  if (oid(typeOid) !== OID.signedData) throw new Error('not a CMS SignedData');
  // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls?, signerInfos }
  const signedData = children(explicitContent)[0]!;
  const parts = children(signedData);
  const [encapsulatedType, encapsulatedExplicit] = children(parts[2]);
  const contentType = oid(encapsulatedType);
  const encapsulated = encapsulatedExplicit
    ? Buffer.from(value(children(encapsulatedExplicit)[0]), 'binary')
    : undefined;
  if (detachedContent && encapsulated) throw new Error('the content is embedded: not a detached signature');
  const content = detachedContent ?? encapsulated;
  if (!content) throw new Error('a detached signature needs its content');
  const certificatesField = parts.find(
    (part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === 0,
  );
  const certificateAsn1 = children(certificatesField)[0]!;
  const certificateDer = der(certificateAsn1);
  const certificate = new X509Certificate(certificateDer);
  // TBSCertificate ::= SEQUENCE { [0] version, serialNumber, signature, issuer, ... }
  const certificateIssuer = der(children(children(certificateAsn1)[0])[3]!);
  const signerInfo = children(parts[parts.length - 1])[0]!;

  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, ... }
  const [, sid, , signedAttributes, , signature] = children(signerInfo);
  // The signer is named by issuer and serial: both must match the certificate, byte for byte.
  const [sidIssuer, sidSerial] = children(sid);
  const serial = forge.util.bytesToHex(value(sidSerial));
  const attributes = new Map(
    children(signedAttributes).map((attribute) => {
      const [type, values] = children(attribute);
      return [oid(type), children(values)[0]!] as const;
    }),
  );
  const messageDigest = Buffer.from(value(attributes.get(OID.messageDigest)), 'binary');
  const contentDigest = createHash('sha256').update(content).digest();

  // What was signed is the attributes' DER with their [0] IMPLICIT tag replaced by SET OF (RFC 5652 §5.4).
  const asSet = forge.asn1.create(
    forge.asn1.Class.UNIVERSAL,
    forge.asn1.Type.SET,
    true,
    children(signedAttributes),
  );
  const valid =
    oid(attributes.get(OID.contentType)) === contentType &&
    messageDigest.length === contentDigest.length &&
    timingSafeEqual(messageDigest, contentDigest) &&
    der(sidIssuer!).equals(certificateIssuer) &&
    sameSerial(serial, certificate.serialNumber) &&
    verify('sha256', der(asSet), certificate.publicKey, Buffer.from(value(signature), 'binary'));
  return {
    valid,
    signer: certificate.subject,
    certificate: certificateDer,
    contentType,
    ...(encapsulated && { content: encapsulated }),
  };
}

function children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new Error('unexpected CMS structure');
  return node.value;
}

function value(node: forge.asn1.Asn1 | undefined): string {
  if (!node || typeof node.value !== 'string') throw new Error('unexpected CMS structure');
  return node.value;
}

const oid = (node: forge.asn1.Asn1 | undefined): string => forge.asn1.derToOid(value(node));

const der = (node: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

/** DER keeps a leading 00 on serials whose top bit is set; Node prints them without it. */
const sameSerial = (a: string, b: string): boolean =>
  a.replace(/^(00)+/, '').toUpperCase() === b.replace(/^(00)+/, '').toUpperCase();
