import type { RebuildProgress } from '@expediente/infra/projections/read-model-runner';

const WIDTH = 30;
const TTY_EVERY_MS = 100;
const PLAIN_EVERY_MS = 5_000;

interface Output {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/**
 * A rebuild's progress on `out` (stderr): a bar redrawn in place with the rate and the time
 * left on a terminal, a plain line every few seconds otherwise (logs, CI). `done` ends the bar.
 */
export function progressBar(out: Output = process.stderr, now: () => number = Date.now) {
  let started: { name: string; at: number } | undefined;
  let shownAt = 0;
  let drawn = false;
  return {
    update(progress: RebuildProgress): void {
      const t = now();
      if (started?.name !== progress.projection) started = { name: progress.projection, at: t };
      if (t - shownAt < (out.isTTY ? TTY_EVERY_MS : PLAIN_EVERY_MS)) return;
      shownAt = t;
      const line = describe(progress, (t - started.at) / 1000);
      if (out.isTTY) {
        out.write(`\r\x1b[2K${line}`);
        drawn = true;
      } else out.write(`${line}\n`);
    },
    done(): void {
      if (drawn) out.write('\r\x1b[2K');
      drawn = false;
      shownAt = 0;
    },
  };
}

export function describe(progress: RebuildProgress, seconds: number): string {
  const { projection, applied, total } = progress;
  const share = total > 0 ? Math.min(applied / total, 1) : 1;
  const filled = Math.round(share * WIDTH);
  const rate = seconds > 0 ? applied / seconds : 0;
  const eta = rate > 0 ? Math.max(total - applied, 0) / rate : undefined;
  return (
    `${projection} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ` +
    `${applied}/${total} events, ${Math.round(rate)} events/s, ETA ${eta === undefined ? '?' : clock(eta)}`
  );
}

function clock(seconds: number): string {
  const s = Math.ceil(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
