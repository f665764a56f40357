import 'node-forge';

declare module 'node-forge' {
  namespace pkcs7 {
    interface PkcsSignedData {
      /** forge also takes the issuer and serial number in place of a certificate; its typings know only the latter. */
      addSigner(options: {
        key: pki.rsa.PrivateKey;
        issuer: pki.CertificateField[];
        serialNumber: string;
        digestAlgorithm: string;
        authenticatedAttributes?: Array<{ type: string; value?: string }>;
      }): void;
    }
  }
}
