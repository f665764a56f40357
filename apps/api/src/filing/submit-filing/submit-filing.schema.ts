import { signedRequest } from '../../commands/signing.schema';

/** A submission is signed: the body carries the SMS code when the signer's Cl@ve needs one. */
export const submitFilingRequest = signedRequest;

/** 8–128 letters, digits, - or _: chosen by the client per filing so a resubmission can never file twice. */
export const IDEMPOTENCY_KEY = /^[\w-]{8,128}$/;
