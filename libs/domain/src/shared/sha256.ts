/**
 * A sha-256 digest in lowercase hex: how blobs, documents and receipts are named everywhere
 * (content-addressed storage, events, path parameters). Input may be any case; it is
 * lowercased before it is checked against this.
 */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const isSha256Hex = (value: string): boolean => SHA256_HEX.test(value);
