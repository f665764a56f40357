import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line the apps wrote, to be read back by a test. */
export class CapturedLogs implements DestinationStream {
  private readonly chunks: string[] = [];

  write(chunk: string): void {
    this.chunks.push(chunk);
  }

  get text(): string {
    return this.chunks.join('');
  }

  get lines(): string[] {
    return this.text.split('\n').filter((line) => line.trim() !== '');
  }

  /** The lines as JSON objects (every line pino writes is one). */
  get entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}
