/** One sample of the Prometheus text exposition format: `name{label="value",…} 12`. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const LINE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of the metrics named `names` (comments, other metrics and malformed lines are skipped). */
export function samplesOf(text: string, names: ReadonlySet<string>): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = LINE.exec(line);
    if (!match || !names.has(match[1]!)) return [];
    const value = Number(match[3]);
    if (!Number.isFinite(value)) return [];
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(LABEL)].map((m) => [m[1]!, m[2]!.replace(/\\(.)/g, '$1')]),
    );
    return [{ name: match[1]!, labels, value }];
  });
}
