/** Text messages to a mobile number (signing codes, notification alerts). */
export interface SmsGateway {
  /** `to` is E.164 ('+34600000000'). Resolves once the gateway accepted the message. */
  send(to: string, text: string): Promise<void>;
}

export const SMS_GATEWAY = Symbol('SMS_GATEWAY');

/** What a development gateway kept of the messages it sent (GET /dev/sms, the e2e tests). */
export interface SmsOutbox {
  /** Oldest first. */
  inbox(to: string): readonly SentSms[];
}

export const SMS_OUTBOX = Symbol('SMS_OUTBOX');

/** '+', country code, at most 15 digits in all. */
export const E164_NUMBER = /^\+[1-9]\d{6,14}$/;

export interface SentSms {
  readonly to: string;
  readonly text: string;
  readonly sentAt: Date;
}

/** Numbers appear in logs; the last three digits are enough to tell them apart. */
export function maskPhoneNumber(number: string): string {
  return number.replace(/\d(?=\d{3})/g, '*');
}
