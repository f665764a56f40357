import { PassThrough } from 'node:stream';
import pino from 'pino';
import { stdoutDestination } from './logger-params';

const terminal = () => Object.assign(new PassThrough(), { isTTY: true });

async function firstLine(destination: pino.DestinationStream, out: PassThrough): Promise<string> {
  const line = new Promise<string>((resolve) => out.once('data', (chunk: Buffer) => resolve(String(chunk))));
  pino(destination).info({ context: 'Worker' }, 'issue-receipt started');
  return line;
}

describe('where the logs go', () => {
  it('prints readable lines on a terminal in development', async () => {
    const out = terminal();
    const destination = stdoutDestination('development', out);
    expect(destination).toBeDefined();
    const line = await firstLine(destination!, out);
    expect(line).toContain('[Worker] issue-receipt started');
    expect(() => JSON.parse(line)).toThrow();
  });

  it("leaves JSON lines (pino's own stdout writer) in production, and when stdout is not a terminal", () => {
    expect(stdoutDestination('production', terminal())).toBeUndefined();
    expect(stdoutDestination('development', new PassThrough())).toBeUndefined();
  });
});
