import { StoredEvent } from '../event-store/event-store.port';

/**
 * A read model that keeps its own checkpoint, whatever holds it (SQL, MongoDB).
 * `apply` must leave the model as if each event had been applied exactly once:
 * an event at or below the checkpoint changes nothing.
 */
export interface CheckpointedReadModel {
  readonly name: string;
  /** Applies the events in order and advances the checkpoint to the last one. */
  apply(events: readonly StoredEvent[]): Promise<void>;
  /** Position of the last event applied; 0 when none. */
  checkpoint(): Promise<number>;
  /** Empties the model and sets its checkpoint to 0, for a rebuild. */
  reset(): Promise<void>;
}
