import forge from 'node-forge';
import { X509Certificate } from 'node:crypto';
import { verifyCms } from '../seal/cms-verify';

/**
 * A time-stamping authority (RFC 3161): an outside party that signs "this digest existed at
 * this time", so a checkpoint's age cannot be back-dated by whoever holds the server's key.
 * The local adapter (timestamp-authority.local.ts) is for development and tests only.
 */
export interface TimeStampAuthority {
  /** Shown in verification reports: which authority stamped. */
  readonly name: string;
  /** The authority's certificate: the trust anchor its tokens are checked against. */
  readonly certificatePem: string;
  /** An RFC 3161 TimeStampToken (DER CMS SignedData over a TSTInfo) for a SHA-256 digest. */
  timestamp(sha256: Buffer): Promise<Buffer>;
}

export const TIME_STAMP_AUTHORITY = Symbol('TIME_STAMP_AUTHORITY');

export const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

export interface TimeStampVerdict {
  readonly valid: boolean;
  /** Why not, when not valid. */
  readonly problem?: string;
  readonly genTime?: Date;
}

/** Checks a token: signed by the trusted authority, over a TSTInfo whose imprint is `sha256`. */
export function checkTimeStampToken(token: Buffer, sha256: Buffer, trustedPem: string): TimeStampVerdict {
  try {
    const cms = verifyCms(token);
    if (!cms.valid) return { valid: false, problem: 'the token’s signature does not verify' };
    if (!new X509Certificate(trustedPem).raw.equals(cms.certificate)) {
      return { valid: false, problem: `signed by ${cms.signer}, not the configured authority` };
    }
    if (cms.contentType !== OID_TST_INFO || !cms.content) {
      return { valid: false, problem: 'not a TSTInfo' };
    }
    // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, ... }
    const tstInfo = forge.asn1.fromDer(forge.util.createBuffer(cms.content.toString('binary')));
    const [, , imprint, , genTime] = tstInfo.value as forge.asn1.Asn1[];
    const [algorithm, hashed] = (imprint?.value ?? []) as forge.asn1.Asn1[];
    const algorithmOid = forge.asn1.derToOid(String((algorithm?.value as forge.asn1.Asn1[])[0]?.value));
    const digest = Buffer.from(String(hashed?.value), 'binary');
    if (algorithmOid !== OID_SHA256 || !digest.equals(sha256)) {
      return { valid: false, problem: 'the token stamps another digest' };
    }
    return { valid: true, genTime: forge.asn1.generalizedTimeToDate(String(genTime?.value)) };
  } catch (error) {
    return {
      valid: false,
      problem: `unreadable token: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
