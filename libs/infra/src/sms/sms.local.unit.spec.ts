import { Logger } from '@nestjs/common';
import { INBOX_SIZE, LocalSmsGateway } from './sms.local';
import { maskPhoneNumber } from './sms.port';

describe('local SMS gateway', () => {
  afterEach(() => jest.restoreAllMocks());

  it('keeps each number its own inbox, oldest first', async () => {
    const sms = new LocalSmsGateway();
    await sms.send('+34600000001', 'one');
    await sms.send('+34600000002', 'other');
    await sms.send('+34600000001', 'two');
    expect(sms.inbox('+34600000001').map((m) => m.text)).toEqual(['one', 'two']);
    expect(sms.inbox('+34699999999')).toEqual([]);
  });

  it(`keeps only the last ${INBOX_SIZE} messages of a number`, async () => {
    const sms = new LocalSmsGateway();
    for (let i = 1; i <= INBOX_SIZE + 5; i++) await sms.send('+34600000001', `message ${i}`);
    const inbox = sms.inbox('+34600000001');
    expect(inbox).toHaveLength(INBOX_SIZE);
    expect(inbox[0]?.text).toBe('message 6');
  });

  it('logs that a message went to the masked number, never its text', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await new LocalSmsGateway().send('+34611222333', 'Expediente: your signing code is 123456.');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('SMS to +********333'));
    const logged = JSON.stringify(log.mock.calls);
    expect(logged).not.toContain('123456');
    expect(logged).not.toContain('611222');
  });

  it('refuses a number that is not E.164', async () => {
    await expect(new LocalSmsGateway().send('600123456', 'x')).rejects.toThrow(RangeError);
  });

  it('masks every digit of a number but the last three', () => {
    expect(maskPhoneNumber('+34600000123')).toBe('+********123');
  });
});
