import { createHash, timingSafeEqual, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  data: '1.2.840.113549.1.7.1',
};

/** What a detached CMS signature says about `content`, checked with nothing but the signature itself. */
export interface DetachedSignatureCheck {
  readonly valid: boolean;
  /** Why it is not valid, for people. */
  readonly problem?: string;
  /** The signer's certificate as carried in the signature (DER), when it could be read. */
  readonly certificate?: X509Certificate;
  /** The signed signing-time attribute, ISO. */
  readonly signedAt?: string;
}

/**
 * Checks a detached CMS signature (what `Seal.signDetached` makes) the way an outside verifier
 * would, independently of the library that made it: forge only splits the ASN.1, the
 * cryptography is Node's own. The signer's certificate must be inside the signature.
 */
export function checkDetachedSignature(p7s: Buffer, content: Buffer): DetachedSignatureCheck {
  let certificate: X509Certificate | undefined;
  try {
    const contentInfo = forge.asn1.fromDer(forge.util.createBuffer(p7s.toString('binary')));
    const [typeOid, explicitContent] = children(contentInfo);
    if (oid(typeOid) !== OID.signedData) return { valid: false, problem: 'not a CMS SignedData' };
    // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls?, signerInfos }
    const parts = children(children(explicitContent)[0]);
    if (children(parts[2]).length > 1) {
      return { valid: false, problem: 'the content is embedded: not a detached signature' };
    }
    const certificatesField = parts.find(
      (part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === 0,
    );
    const certificateAsn1 = children(certificatesField)[0]!;
    certificate = new X509Certificate(der(certificateAsn1));
    // TBSCertificate ::= SEQUENCE { [0] version, serialNumber, signature, issuer, ... }
    const certificateIssuer = der(children(children(certificateAsn1)[0])[3]!);
    // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, ... }
    const [, sid, , signedAttributes, , signature] = children(children(parts[parts.length - 1])[0]);
    const [sidIssuer, sidSerial] = children(sid);
    const attributes = new Map(
      children(signedAttributes).map((attribute) => {
        const [type, values] = children(attribute);
        return [oid(type), children(values)[0]!] as const;
      }),
    );
    const signingTime = attributes.get(OID.signingTime);
    const signedAt = signingTime ? utcTime(signingTime) : undefined;
    const found = (problem: string): DetachedSignatureCheck => ({
      valid: false,
      problem,
      certificate,
      ...(signedAt && { signedAt }),
    });
    if (oid(attributes.get(OID.contentType)) !== OID.data)
      return found('the signed content type is not data');
    const messageDigest = Buffer.from(value(attributes.get(OID.messageDigest)), 'binary');
    const contentDigest = createHash('sha256').update(content).digest();
    if (messageDigest.length !== contentDigest.length || !timingSafeEqual(messageDigest, contentDigest)) {
      return found('the signed digest is not the SHA-256 of the content');
    }
    // The signer is named by issuer and serial: both must match the certificate, byte for byte.
    if (!der(sidIssuer!).equals(certificateIssuer))
      return found("the signer's issuer is not the certificate's");
    if (!sameSerial(forge.util.bytesToHex(value(sidSerial)), certificate.serialNumber)) {
      return found("the signer's serial number is not the certificate's");
    }
    // What was signed is the attributes' DER with their [0] IMPLICIT tag replaced by SET OF (RFC 5652 §5.4).
    const asSet = forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.SET,
      true,
      children(signedAttributes),
    );
    const signatureBytes = Buffer.from(value(signature), 'binary');
    if (!verify('sha256', der(asSet), certificate.publicKey, signatureBytes)) {
      return found("the signature does not verify with the certificate's public key");
    }
    return { valid: true, certificate, ...(signedAt && { signedAt }) };
  } catch (error) {
    return {
      valid: false,
      problem: `unreadable signature (${error instanceof Error ? error.message : String(error)})`,
      ...(certificate && { certificate }),
    };
  }
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

const utcTime = (node: forge.asn1.Asn1): string => forge.asn1.utcTimeToDate(value(node)).toISOString();

/** DER keeps a leading 00 on serials whose top bit is set; Node prints them without it. */
const sameSerial = (a: string, b: string): boolean =>
  a.replace(/^(00)+/, '').toUpperCase() === b.replace(/^(00)+/, '').toUpperCase();
