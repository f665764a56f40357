import { Logger } from '@nestjs/common';
import { EMAIL_INBOX_SIZE, LocalEmailGateway } from './email.local';
import { maskEmailAddress } from './email.port';

const mail = (to: string, text = 'Tiene una notificación.') => ({ to, subject: 'Aviso', text });

describe('local email gateway', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('keeps each address its own inbox, oldest first, whatever its case', async () => {
    const email = new LocalEmailGateway();
    await email.send(mail('lucia@example.org', 'one'));
    await email.send(mail('otro@example.org', 'other'));
    await email.send(mail('Lucia@Example.org', 'two'));
    expect(email.inbox('lucia@example.org').map((m) => m.text)).toEqual(['one', 'two']);
    expect(email.inbox('nadie@example.org')).toEqual([]);
  });

  it(`keeps only the last ${EMAIL_INBOX_SIZE} messages of an address`, async () => {
    const email = new LocalEmailGateway();
    for (let i = 1; i <= EMAIL_INBOX_SIZE + 5; i++)
      await email.send(mail('lucia@example.org', `message ${i}`));
    expect(email.inbox('lucia@example.org')).toHaveLength(EMAIL_INBOX_SIZE);
    expect(email.inbox('lucia@example.org')[0]?.text).toBe('message 6');
  });

  it('refuses a malformed address, and one under .invalid as a bouncing server would', async () => {
    const email = new LocalEmailGateway();
    await expect(email.send(mail('lucia'))).rejects.toThrow(RangeError);
    await expect(email.send(mail('lucia@correo.invalid'))).rejects.toThrow(
      'the mail server refused l***@correo.invalid',
    );
    expect(email.inbox('lucia@correo.invalid')).toEqual([]);
  });

  it('logs that a message went to the masked address, never the address or the text', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    await new LocalEmailGateway().send(mail('lucia.martin@example.org', 'Aviso confidencial'));
    const logged = JSON.stringify(log.mock.calls);
    expect(logged).toContain('email to l***@example.org');
    expect(logged).not.toContain('lucia.martin');
    expect(logged).not.toContain('confidencial');
  });

  it('masks all of the local part but its first letter', () => {
    expect(maskEmailAddress('lucia.martin@example.org')).toBe('l***@example.org');
  });
});
