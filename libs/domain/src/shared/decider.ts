/**
 * The shape every aggregate exports, so one generic handler can load (fold `evolve` over the
 * stream from `initialState`), `decide`, and append. Events carry only `type` and `data`:
 * the envelope (actor, correlation, idempotency key) is added by the handler from the
 * command's metadata, and the domain puts in `data` only the facts the business needs.
 */

export type Event<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

export interface Decider<Command, Event, State> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[];
}
