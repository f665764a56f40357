import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata, Decider } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { runCommand, type RunResult } from '@expediente/infra/commands/command-runner';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { SigningCodeService } from '../identity/signing-code.service';

/** A command the citizen signs: filing a case, answering an information request, answering a notification. */
export interface SignedCommand<Command, Event, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly stream: string;
  /** What the citizen looked at, and its version: the append is made there or not at all. */
  readonly state: State;
  readonly version: number | undefined;
  /** The typed command, given whether the signature is confirmed. */
  readonly command: (otpVerified: boolean) => Command;
  /** What the SMS code was issued for, e.g. `sign:<caseId>`. */
  readonly purpose: string;
  readonly signingCode?: string;
  /** Work that must follow the spent code and precede the append (the register's number). */
  readonly afterSigning?: () => Promise<void>;
}

/**
 * The one way a signed command is run: every rule of the domain first (with no code, then the
 * domain's own SIGNATURE_OTP_REQUIRED), then the Cl@ve permanente SMS code is spent, then the
 * events are appended at the version the rules were checked at. Certificates and Cl@ve móvil
 * sign directly, without a code.
 */
@Injectable()
export class SignedCommands {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signing: SigningCodeService,
  ) {}

  async run<
    Command extends { readonly type: string; readonly metadata: CommandMetadata },
    Event extends { readonly type: string; readonly data: unknown },
    State,
  >(principal: Principal, signed: SignedCommand<Command, Event, State>): Promise<RunResult<State, Event>> {
    const needsCode = principal.levelOfAssurance === 'clave-permanente';
    // Every other rule first, so a missing document is said before a code is asked for; then,
    // with no code, the domain's own refusal of an unsigned command (SIGNATURE_OTP_REQUIRED).
    signed.decider.decide(signed.command(true), signed.state);
    if (needsCode && signed.signingCode === undefined)
      signed.decider.decide(signed.command(false), signed.state);
    if (needsCode) await this.signing.confirm(principal, signed.purpose, signed.signingCode ?? '');
    await signed.afterSigning?.();
    return runCommand(this.store, signed.decider, signed.stream, signed.command(true), {
      expectedVersion: signed.version,
    });
  }
}
