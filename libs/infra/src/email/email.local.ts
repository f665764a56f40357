import { Logger } from '@nestjs/common';
import { processClock } from '../clock/clock';
import {
  EMAIL_ADDRESS,
  EmailGateway,
  EmailMessage,
  EmailOutbox,
  maskEmailAddress,
  SentEmail,
} from './email.port';

export const EMAIL_INBOX_SIZE = 50;
const MAX_ADDRESSES = 1000;

/**
 * Development gateway: nothing leaves the machine. Mail is kept per address for the e2e tests.
 * Like a real server, it refuses what it cannot deliver: a malformed address, or one under the
 * `.invalid` top-level domain (RFC 6761: it never resolves), which is how fixtures and tests
 * stand for an address that bounces. The log says a message went, never to whom or what it said.
 */
export class LocalEmailGateway implements EmailGateway, EmailOutbox {
  private readonly logger = new Logger('LocalEmail');
  private readonly inboxes = new Map<string, SentEmail[]>();

  constructor(private readonly now: () => Date = () => processClock.now()) {}

  async send(message: EmailMessage): Promise<void> {
    const to = message.to.toLowerCase();
    if (!EMAIL_ADDRESS.test(to)) throw new RangeError(`"${maskEmailAddress(to)}" is not an email address`);
    if (to.endsWith('.invalid'))
      throw new Error(`the mail server refused ${maskEmailAddress(to)}: no such domain`);
    const inbox = this.inboxes.get(to) ?? [];
    inbox.push({ ...message, to, sentAt: this.now() });
    if (inbox.length > EMAIL_INBOX_SIZE) inbox.splice(0, inbox.length - EMAIL_INBOX_SIZE);
    // Re-inserting moves the address to the end, so the least recently used inbox goes first.
    this.inboxes.delete(to);
    this.inboxes.set(to, inbox);
    if (this.inboxes.size > MAX_ADDRESSES) this.inboxes.delete(this.inboxes.keys().next().value as string);
    this.logger.log(`email to ${maskEmailAddress(to)} (${message.text.length} characters)`);
  }

  /** Oldest first. */
  inbox(to: string): readonly SentEmail[] {
    return [...(this.inboxes.get(to.toLowerCase()) ?? [])];
  }
}
