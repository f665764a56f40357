import { createHash, randomUUID } from 'node:crypto';
import type { CommandMetadata, Decider } from '@expediente/domain';
import { EventMetadata, EventStore, NewEvent, WrongExpectedVersion } from '../event-store/event-store.port';

type DomainEvent = { readonly type: string; readonly data: unknown };
type DomainCommand = { readonly type: string; readonly metadata: CommandMetadata };

export interface Loaded<State> {
  readonly state: State;
  /** Stream version of the last event folded in; undefined for a stream that does not exist yet. */
  readonly version: number | undefined;
  /** Hash of that event: appending with it saves the store a read of the stream's head. */
  readonly hash?: string;
}

export interface RunOptions {
  /** The version the client last saw (a draft's ETag). A different actual version is a conflict, never retried. */
  readonly expectedVersion?: number;
  /** Re-reads and decides again this many times when another writer got there first. */
  readonly retries?: number;
}

export interface RunResult<State, Event> extends Loaded<State> {
  readonly events: readonly Event[];
}

/** Reads a stream and folds it through the decider's evolve. */
export async function load<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream: string,
): Promise<Loaded<S>> {
  let state = decider.initialState();
  let version: number | undefined;
  let hash: string | undefined;
  for await (const event of store.readStream(stream)) {
    state = decider.evolve(state, { type: event.type, data: event.data } as E);
    version = event.streamVersion;
    hash = event.hash;
  }
  return { state, version, hash };
}

/**
 * The one write path: load → decide → append at the version read. Without a
 * client version, a concurrent writer just means deciding again on fresh state.
 */
export async function runCommand<C extends DomainCommand, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream: string,
  command: C,
  options: RunOptions = {},
): Promise<RunResult<S, E>> {
  const retries = options.expectedVersion === undefined ? (options.retries ?? 3) : 0;
  for (let attempt = 0; ; attempt++) {
    const { state, version, hash } = await load(store, decider, stream);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new WrongExpectedVersion(stream, options.expectedVersion, version);
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { state, version, events };
    try {
      const result = await store.append(stream, toNewEvents(stream, command, events), {
        expectedVersion: version ?? 'no-stream',
        expectedHash: hash,
      });
      return { state: events.reduce(decider.evolve, state), version: result.nextExpectedVersion, events };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || attempt >= retries) throw error;
    }
  }
}

/** The envelope's metadata comes from the command, never from the domain's event data. */
export function toNewEvents(
  stream: string,
  command: DomainCommand,
  events: readonly DomainEvent[],
): NewEvent[] {
  const { actor, correlationId, causationId, idempotencyKey } = command.metadata;
  const metadata: EventMetadata = {
    actor: actor.id,
    ...(actor.name && { actorName: actor.name }),
    role: actor.roles.join(','),
    levelOfAssurance: actor.levelOfAssurance,
    command: command.type,
    ...(correlationId && { correlationId }),
    ...(causationId && { causationId }),
    ...(idempotencyKey && { idempotencyKey }),
  };
  return events.map((event, index) => ({
    // Same key, same ids: a resubmission the store already has becomes a no-op.
    id: idempotencyKey
      ? deterministicUuid(`${stream}|${idempotencyKey}|${command.type}|${index}`)
      : randomUUID(),
    type: event.type,
    data: event.data,
    metadata,
  }));
}

/** A UUID (version 8, RFC 9562) derived from a name, for ids that must repeat on retry. */
export function deterministicUuid(name: string): string {
  const bytes = createHash('sha256').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
