import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { SigningCodeService } from '../../identity/signing-code.service';
import { FilingDrafts } from '../filing.shared';
import type { FilingSlug } from '../procedures';
import type { SigningCodeSent } from './request-signing-code.schema';

export class RequestFilingSigningCode extends Command<SigningCodeSent> {
  constructor(
    readonly principal: Principal,
    readonly procedure: FilingSlug,
    readonly caseId: string,
  ) {
    super();
  }
}

@CommandHandler(RequestFilingSigningCode)
export class RequestFilingSigningCodeHandler implements ICommandHandler<RequestFilingSigningCode> {
  constructor(
    private readonly drafts: FilingDrafts,
    private readonly signing: SigningCodeService,
  ) {}

  async execute({ principal, procedure, caseId }: RequestFilingSigningCode) {
    await this.drafts.readable(procedure, principal, caseId);
    return this.signing.requestCode(principal, `sign:${caseId}`);
  }
}
