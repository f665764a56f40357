import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notificationDecider } from '@expediente/domain';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { SigningCodeService } from '../../identity/signing-code.service';
import type { SigningCodeSent } from '../../identity/signing-code.schema';
import { acceptance, answerPurpose, VisibleNotifications } from '../notifications.shared';

export class RequestNotificationSigningCodeCommand extends Command<SigningCodeSent> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
  ) {
    super();
  }
}

/** Only once the answer would otherwise be accepted: the rules run before an SMS is sent. */
@CommandHandler(RequestNotificationSigningCodeCommand)
export class RequestNotificationSigningCodeHandler implements ICommandHandler<RequestNotificationSigningCodeCommand> {
  constructor(
    private readonly notifications: VisibleNotifications,
    private readonly signing: SigningCodeService,
  ) {}

  async execute({
    principal,
    notificationId,
  }: RequestNotificationSigningCodeCommand): Promise<SigningCodeSent> {
    const { state, powers } = await this.notifications.load(principal, notificationId);
    notificationDecider.decide(acceptance(principal, notificationId, powers, true), state);
    return this.signing.requestCode(principal, answerPurpose(notificationId));
  }
}
