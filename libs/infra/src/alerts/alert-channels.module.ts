import { Module } from '@nestjs/common';
import { CONTACT_DIRECTORY, CONTACTS_FIXTURES_FILE } from '../contacts/contact-directory.port';
import { LocalContactDirectory } from '../contacts/contact-directory.local';
import { LocalEmailGateway } from '../email/email.local';
import { EMAIL_GATEWAY, EMAIL_OUTBOX } from '../email/email.port';
import { LocalSmsGateway } from '../sms/sms.local';
import { SMS_GATEWAY, SMS_OUTBOX } from '../sms/sms.port';

/**
 * What the worker alerts people with: their registered contact data and the SMS and email
 * gateways. Only local adapters exist: a real register or provider replaces a binding here and
 * nothing else. The outboxes are not part of the ports (the tests read them): each pair of names
 * reaches one instance.
 */
@Module({
  providers: [
    { provide: CONTACT_DIRECTORY, useFactory: () => LocalContactDirectory.fromFile(CONTACTS_FIXTURES_FILE) },
    { provide: LocalSmsGateway, useFactory: () => new LocalSmsGateway() },
    { provide: SMS_GATEWAY, useExisting: LocalSmsGateway },
    { provide: SMS_OUTBOX, useExisting: LocalSmsGateway },
    { provide: LocalEmailGateway, useFactory: () => new LocalEmailGateway() },
    { provide: EMAIL_GATEWAY, useExisting: LocalEmailGateway },
    { provide: EMAIL_OUTBOX, useExisting: LocalEmailGateway },
  ],
  exports: [CONTACT_DIRECTORY, SMS_GATEWAY, SMS_OUTBOX, EMAIL_GATEWAY, EMAIL_OUTBOX],
})
export class AlertChannelsModule {}
