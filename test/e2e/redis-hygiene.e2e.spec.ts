import { fileMadridCase, eventsOf } from '../support/cases';
import { eventually } from '../support/async';
import { countKeys } from '../support/redis-keys';
import { startSystem } from '../support/system';

describe('a system under test and the machine Redis', () => {
  it('writes only under its own queue prefix and leaves nothing there once stopped', async () => {
    const system = await startSystem();
    const prefix = system.env.QUEUE_PREFIX!;
    try {
      expect(prefix).toMatch(new RegExp(`^${process.env.EXPEDIENTE_TEST_RUN}-`));
      const caseId = await fileMadridCase(system);
      await eventually(
        async () => (await eventsOf(system, `receipt-${caseId}`)).length > 0,
        'the proof of receipt was issued',
        30_000,
      );
      expect(await countKeys(`${prefix}:`)).toBeGreaterThan(0);
    } finally {
      await system.stop();
    }
    expect(await countKeys(`${prefix}:`)).toBe(0);
  });
});
