import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidIdentityNumber, normaliseIdentityNumber } from '@expediente/domain';
import type { Contact, ContactDirectory } from './contact-directory.port';

// Registers hold what people typed: a badly formed number is data, refused by the gateway and recorded.
const contactsFile = z.array(
  z
    .object({
      id: z.string().refine(isValidIdentityNumber, 'must be a checksum-valid DNI/NIE'),
      mobile: z.string().trim().min(1).optional(),
      email: z.string().trim().min(1).optional(),
    })
    .strict(),
);

/** The development directory: a fixtures file read once at start (fixtures/contacts.json). */
export class LocalContactDirectory implements ContactDirectory {
  private readonly byId: ReadonlyMap<string, Contact>;

  constructor(entries: readonly (Contact & { id: string })[]) {
    this.byId = new Map(entries.map(({ id, ...contact }) => [normaliseIdentityNumber(id), contact] as const));
  }

  static fromFile(path: string): LocalContactDirectory {
    const parsed = contactsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path} is not a contact directory: ${parsed.error.message}`);
    return new LocalContactDirectory(parsed.data);
  }

  async find(personId: string): Promise<Contact | undefined> {
    return this.byId.get(normaliseIdentityNumber(personId));
  }
}
