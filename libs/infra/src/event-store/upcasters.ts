/**
 * Stored events are never rewritten. An event stored at an old schema version
 * is lifted on read, one version step at a time, to the version the code knows.
 */
export interface Upcaster {
  readonly type: string;
  /** The version this step reads; it produces fromVersion + 1. */
  readonly fromVersion: number;
  readonly upcast: (data: unknown, metadata: Readonly<Record<string, unknown>>) => unknown;
}

export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.steps.has(key)) throw new Error(`Two upcasters for ${key}`);
    this.steps.set(key, upcaster);
    return this;
  }

  upcast<
    E extends {
      type: string;
      schemaVersion: number;
      data: unknown;
      metadata: Readonly<Record<string, unknown>>;
    },
  >(event: E): E {
    let current = event;
    for (;;) {
      const step = this.steps.get(`${current.type}@${current.schemaVersion}`);
      if (!step) return current;
      current = {
        ...current,
        data: step.upcast(current.data, current.metadata),
        schemaVersion: current.schemaVersion + 1,
      };
    }
  }
}
