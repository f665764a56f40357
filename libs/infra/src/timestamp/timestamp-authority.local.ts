import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import forge from 'node-forge';
import { loadOrCreateSigningKey, UTF8 } from '../seal/seal';
import { OID_SHA256, OID_TST_INFO, TimeStampAuthority } from './timestamp-authority.port';

const asn1 = forge.asn1;

/** Ours, for development: a real deployment names an accredited (eIDAS qualified) authority's policy. */
const LOCAL_POLICY = '1.3.6.1.4.1.99999.1.1';

const SUBJECT: forge.pki.CertificateField[] = [
  { name: 'commonName', value: 'Expediente TSA local (solo desarrollo)', valueTagClass: UTF8 },
  { name: 'organizationName', value: 'Expediente', valueTagClass: UTF8 },
  { name: 'countryName', value: 'ES' },
];

const EXTENSIONS = [
  { name: 'basicConstraints', cA: false, critical: true },
  { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  { name: 'extKeyUsage', timeStamping: true, critical: true },
  { name: 'subjectKeyIdentifier' },
];

/**
 * LOCAL / DEVELOPMENT ONLY. A time-stamping authority in this process, with its own key in
 * `${dataDir}/tsa`: it issues genuine RFC 3161 tokens, but whoever controls the server controls
 * this key too, so its times prove nothing against the operator. Production configures an
 * outside authority behind the same port; nothing here ever calls the network.
 */
export function localTimeStampAuthority(dataDir: string, clock: () => Date): TimeStampAuthority {
  const signing = loadOrCreateSigningKey(resolve(dataDir, 'tsa'), SUBJECT, EXTENSIONS, clock());
  return {
    name: 'local (development only)',
    certificatePem: signing.certificatePem,
    timestamp(sha256: Buffer): Promise<Buffer> {
      const tstInfo = asn1.toDer(tstInfoAsn1(sha256, clock())).getBytes();
      const signed = forge.pkcs7.createSignedData();
      const content = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, tstInfo);
      // forge signs a given contentInfo's content (the TSTInfo, encapsulated); its typings know
      // only data content, hence the assignment through Object.assign.
      Object.assign(signed, {
        content,
        contentInfo: asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID_TST_INFO).getBytes()),
          asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [content]),
        ]),
      });
      signed.addCertificate(signing.certificate);
      signed.addSigner({
        key: signing.key,
        issuer: signing.issuer,
        serialNumber: signing.certificate.serialNumber,
        digestAlgorithm: OID_SHA256,
        authenticatedAttributes: [
          { type: forge.pki.oids.contentType!, value: OID_TST_INFO },
          { type: forge.pki.oids.messageDigest! },
        ],
      });
      signed.sign();
      return Promise.resolve(Buffer.from(asn1.toDer(signed.toAsn1()).getBytes(), 'binary'));
    },
  };
}

function tstInfoAsn1(sha256: Buffer, now: Date): forge.asn1.Asn1 {
  const integer = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes);
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    integer(asn1.integerToDer(1).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(LOCAL_POLICY).getBytes()),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID_SHA256).getBytes()),
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
      ]),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, sha256.toString('binary')),
    ]),
    // A positive 64-bit serial: the leading byte below 0x80.
    integer(`\x01${randomBytes(7).toString('binary')}`),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(now)),
  ]);
}
