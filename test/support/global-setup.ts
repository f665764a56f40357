import { randomBytes } from 'node:crypto';

/** One Redis key prefix per `npm test` run; workers inherit it through the environment. */
export default function globalSetup(): void {
  process.env.EXPEDIENTE_TEST_RUN ??= `test-${randomBytes(4).toString('hex')}`;
}
