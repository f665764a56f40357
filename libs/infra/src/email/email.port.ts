/** Email to a person (alerts that something waits in the electronic office). */
export interface EmailGateway {
  /** Resolves once the mail server accepted the message; rejects when it refused it. */
  send(message: EmailMessage): Promise<void>;
}

export const EMAIL_GATEWAY = Symbol('EMAIL_GATEWAY');

export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** What a development gateway kept of the mail it sent (the e2e tests). */
export interface EmailOutbox {
  /** Oldest first. */
  inbox(to: string): readonly SentEmail[];
}

export const EMAIL_OUTBOX = Symbol('EMAIL_OUTBOX');

export interface SentEmail extends EmailMessage {
  readonly sentAt: Date;
}

/** A deliberately loose check: the mail server has the last word. */
export const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Addresses appear in logs and in the log of alerts: the first letter and the domain tell them apart. */
export function maskEmailAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
