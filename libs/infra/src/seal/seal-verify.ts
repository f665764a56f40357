import { createHash, timingSafeEqual, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
};

const { UNIVERSAL, CONTEXT_SPECIFIC } = forge.asn1.Class;
const { SEQUENCE, SET, INTEGER, OCTETSTRING } = forge.asn1.Type;

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
    // Every byte counts: the DER must be minimal, and each element the type CMS says it is.
    if (forge.asn1.toDer(contentInfo).getBytes() !== p7s.toString('binary')) {
      return { valid: false, problem: 'not in DER form' };
    }
    const [typeOid, explicitContent] = children(tagged(contentInfo, UNIVERSAL, SEQUENCE));
    if (oid(typeOid) !== OID.signedData) return { valid: false, problem: 'not a CMS SignedData' };
    // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls?, signerInfos }
    const parts = children(
      tagged(children(tagged(explicitContent, CONTEXT_SPECIFIC, 0))[0], UNIVERSAL, SEQUENCE),
    );
    if (parts.length !== 5)
      return { valid: false, problem: 'not one SignedData with certificates and signers' };
    integerIs(parts[0], 1);
    algorithmIs(children(tagged(parts[1], UNIVERSAL, SET))[0], [OID.sha256]);
    tagged(parts[2], UNIVERSAL, SEQUENCE);
    tagged(parts[3], CONTEXT_SPECIFIC, 0);
    if (children(parts[2]).length > 1) {
      return { valid: false, problem: 'the content is embedded: not a detached signature' };
    }
    if (oid(children(parts[2])[0]) !== OID.data)
      return { valid: false, problem: 'the content type is not data' };
    const certificatesField = parts.find(
      (part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === 0,
    );
    const certificateAsn1 = children(certificatesField)[0]!;
    certificate = new X509Certificate(der(certificateAsn1));
    // TBSCertificate ::= SEQUENCE { [0] version, serialNumber, signature, issuer, ... }
    const certificateIssuer = der(children(children(certificateAsn1)[0])[3]!);
    // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature, ... }
    const signers = children(tagged(parts[4], UNIVERSAL, SET));
    if (signers.length !== 1) return { valid: false, problem: 'not exactly one signer' };
    const [version, sid, digestAlgorithm, signedAttributes, signatureAlgorithm, signature, ...unsigned] =
      children(tagged(signers[0], UNIVERSAL, SEQUENCE));
    if (unsigned.length > 0) return { valid: false, problem: 'the signer carries unsigned attributes' };
    integerIs(version, 1);
    algorithmIs(digestAlgorithm, [OID.sha256]);
    algorithmIs(signatureAlgorithm, [OID.rsaEncryption, OID.sha256WithRsa]);
    tagged(signedAttributes, CONTEXT_SPECIFIC, 0);
    tagged(signature, UNIVERSAL, OCTETSTRING);
    const [sidIssuer, sidSerial] = children(tagged(sid, UNIVERSAL, SEQUENCE));
    tagged(sidSerial, UNIVERSAL, INTEGER);
    const attributes = new Map(
      children(signedAttributes).map((attribute) => {
        const [type, values] = children(tagged(attribute, UNIVERSAL, SEQUENCE));
        return [oid(type), children(tagged(values, UNIVERSAL, SET))[0]!] as const;
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

class Malformed extends Error {}

function tagged(
  node: forge.asn1.Asn1 | undefined,
  tagClass: forge.asn1.Class,
  type: number,
): forge.asn1.Asn1 {
  if (!node || node.tagClass !== tagClass || node.type !== type)
    throw new Malformed('an element has the wrong type');
  return node;
}

function integerIs(node: forge.asn1.Asn1 | undefined, expected: number): void {
  if (forge.asn1.derToInteger(value(tagged(node, UNIVERSAL, INTEGER))) !== expected) {
    throw new Malformed(`a version is not ${expected}`);
  }
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters NULL } */
function algorithmIs(node: forge.asn1.Asn1 | undefined, allowed: readonly string[]): void {
  const [algorithm, parameters, ...rest] = children(tagged(node, UNIVERSAL, forge.asn1.Type.SEQUENCE));
  if (!allowed.includes(oid(algorithm)) || rest.length > 0) throw new Malformed('an unexpected algorithm');
  if (parameters && value(tagged(parameters, UNIVERSAL, forge.asn1.Type.NULL)) !== '') {
    throw new Malformed('unexpected algorithm parameters');
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

const oid = (node: forge.asn1.Asn1 | undefined): string =>
  forge.asn1.derToOid(value(tagged(node, UNIVERSAL, forge.asn1.Type.OID)));

const der = (node: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

const utcTime = (node: forge.asn1.Asn1): string => forge.asn1.utcTimeToDate(value(node)).toISOString();

/** DER keeps a leading 00 on serials whose top bit is set; Node prints them without it. */
const sameSerial = (a: string, b: string): boolean =>
  a.replace(/^(00)+/, '').toUpperCase() === b.replace(/^(00)+/, '').toUpperCase();
