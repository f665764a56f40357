/**
 * Decider specs for unit tests: given past events, when a command, then the new events (or
 * the refusal's code). Only *.unit.spec.ts files import this; it uses Jest's global expect.
 */
import type { Decider } from './decider';
import { isDomainError, type DomainErrorCode, type DomainErrorKind, type Facts } from './domain-error';

interface Then<Event> {
  then(expected: readonly Event[]): void;
  thenThrows(code: DomainErrorCode, expected?: { kind?: DomainErrorKind; facts?: Facts }): void;
}

interface When<Command, Event> {
  when(command: Command): Then<Event>;
}

export interface DeciderSpec<Command, Event> {
  given(events: readonly Event[]): When<Command, Event>;
}

const refusalOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the command to be refused, but it was accepted.');
};

export const spec = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event> => ({
  given: (events) => ({
    when: (command) => {
      const decide = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected) => {
          expect(decide()).toEqual(expected);
        },
        thenThrows: (code, expected = {}) => {
          const error = refusalOf(decide);
          if (!isDomainError(error)) throw error;
          expect(error.code).toBe(code);
          if (expected.kind) expect(error.kind).toBe(expected.kind);
          if (expected.facts) expect(error.facts).toMatchObject(expected.facts);
        },
      };
    },
  }),
});

/**
 * A value as it may arrive from outside before any validation (a forged request, a newer
 * client), for the tests that show the domain refuses what its types rule out.
 */
export const fromOutside = <T>(value: unknown): T => value as T;
