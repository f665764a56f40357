/**
 * Where to alert a person outside a session: the mobile and email they registered with the
 * administration. The real register lives outside the system; this port is all the worker relies
 * on. (The mobile a login token carries serves only that session's signing codes, and no filing
 * event records it, so alerts cannot take it from the log.)
 */
export interface Contact {
  /** E.164 as registered; a gateway may still refuse it, and the alert records that. */
  readonly mobile?: string;
  readonly email?: string;
}

export interface ContactDirectory {
  /** Undefined for someone with nothing on record. `personId` is a DNI/NIE. */
  find(personId: string): Promise<Contact | undefined>;
}

export const CONTACT_DIRECTORY = Symbol('CONTACT_DIRECTORY');

/** The local adapter's data, relative to the working directory the apps start in. */
export const CONTACTS_FIXTURES_FILE = 'fixtures/contacts.json';
