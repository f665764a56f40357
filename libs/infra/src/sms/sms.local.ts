import { Logger } from '@nestjs/common';
import { E164_NUMBER, maskPhoneNumber, SentSms, SmsGateway, SmsOutbox } from './sms.port';
import { processClock } from '../clock/clock';

export const INBOX_SIZE = 50;
/** A long-running dev server must not grow without bound either. */
const MAX_NUMBERS = 1000;

/**
 * Development gateway: nothing leaves the machine. Messages are kept per number for
 * GET /dev/sms (a developer signs without a phone) and the e2e tests. The log says a message
 * went, never what it said: the text carries signing codes.
 */
export class LocalSmsGateway implements SmsGateway, SmsOutbox {
  private readonly logger = new Logger('LocalSms');
  private readonly inboxes = new Map<string, SentSms[]>();

  constructor(private readonly now: () => Date = () => processClock.now()) {}

  async send(to: string, text: string): Promise<void> {
    if (!E164_NUMBER.test(to)) throw new RangeError(`"${maskPhoneNumber(to)}" is not an E.164 number`);
    const inbox = this.inboxes.get(to) ?? [];
    inbox.push({ to, text, sentAt: this.now() });
    if (inbox.length > INBOX_SIZE) inbox.splice(0, inbox.length - INBOX_SIZE);
    // Re-inserting moves the number to the end, so the least recently used inbox goes first.
    this.inboxes.delete(to);
    this.inboxes.set(to, inbox);
    if (this.inboxes.size > MAX_NUMBERS) this.inboxes.delete(this.inboxes.keys().next().value as string);
    this.logger.log(`SMS to ${maskPhoneNumber(to)} (${text.length} characters; text at GET /dev/sms)`);
  }

  /** Oldest first. */
  inbox(to: string): readonly SentSms[] {
    return [...(this.inboxes.get(to) ?? [])];
  }
}
