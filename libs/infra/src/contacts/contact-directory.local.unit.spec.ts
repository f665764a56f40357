import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalContactDirectory } from './contact-directory.local';
import { CONTACTS_FIXTURES_FILE } from './contact-directory.port';

const fileWith = (content: unknown): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'contacts-')), 'contacts.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
};

describe('local contact directory', () => {
  it('finds the fixtures’ contact data by DNI/NIE however it is written', async () => {
    const contacts = LocalContactDirectory.fromFile(CONTACTS_FIXTURES_FILE);
    expect(await contacts.find('34567890-v')).toEqual({
      mobile: '+34600000103',
      email: 'lucia.martin@example.org',
    });
    expect(await contacts.find('X1234567L')).toBeUndefined();
  });

  it('refuses a file with an entry that is not a valid DNI/NIE, naming the file', () => {
    const path = fileWith([{ id: '12345678A', email: 'x@example.org' }]);
    expect(() => LocalContactDirectory.fromFile(path)).toThrow(`${path} is not a contact directory`);
  });
});
