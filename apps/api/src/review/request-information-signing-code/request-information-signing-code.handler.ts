import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { SigningCodeService } from '../../identity/signing-code.service';
import { Reviews } from '../review.shared';
import { informationPurposeOf } from '../information.shared';
import type { SigningCodeSent } from './request-information-signing-code.schema';

export class RequestInformationSigningCode extends Command<SigningCodeSent> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
  ) {
    super();
  }
}

/** No SMS for an answer nobody asked for. */
@CommandHandler(RequestInformationSigningCode)
export class RequestInformationSigningCodeHandler implements ICommandHandler<RequestInformationSigningCode> {
  constructor(
    private readonly reviews: Reviews,
    private readonly signing: SigningCodeService,
  ) {}

  async execute({ principal, caseId }: RequestInformationSigningCode): Promise<SigningCodeSent> {
    await this.reviews.awaitingAnswerFrom(principal, caseId);
    return this.signing.requestCode(principal, informationPurposeOf(caseId));
  }
}
