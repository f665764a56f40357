/**
 * Time, as every command's metadata and every deadline reads it. In production it is the
 * system clock; development and tests may move it forward (POST /dev/clock) to see what
 * ten days later looks like without waiting ten days.
 */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}

/**
 * One per process: apps that share a process (npm start, the e2e tests) must agree on the
 * time, as separate processes do through the system clock.
 */
export const processClock = new AdjustableClock();
