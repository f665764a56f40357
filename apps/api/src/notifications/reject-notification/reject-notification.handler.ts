import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notificationDecider, type RejectNotification } from '@expediente/domain';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { SignedCommands } from '../../commands/signed-command';
import { metadataFor } from '../../commands/command-context';
import { answerPurpose, VisibleNotifications } from '../notifications.shared';
import type { NotificationView } from '../view-notification/view-notification.schema';
import type { RejectionRequest } from './reject-notification.schema';

export class RejectNotificationCommand extends Command<NotificationView> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
    readonly request: RejectionRequest,
  ) {
    super();
  }
}

@CommandHandler(RejectNotificationCommand)
export class RejectNotificationHandler implements ICommandHandler<RejectNotificationCommand> {
  constructor(
    private readonly notifications: VisibleNotifications,
    private readonly signed: SignedCommands,
  ) {}

  async execute({ principal, notificationId, request }: RejectNotificationCommand) {
    const { state, version, powers } = await this.notifications.load(principal, notificationId);
    await this.signed.run(principal, {
      decider: notificationDecider,
      stream: streams.notification(notificationId),
      state,
      version,
      command: (otpVerified): RejectNotification => ({
        type: 'RejectNotification',
        data: { notificationId, powersOfAttorney: powers, otpVerified, reason: request.reason },
        metadata: metadataFor(principal),
      }),
      purpose: answerPurpose(notificationId),
      signingCode: request.signingCode,
    });
    return this.notifications.view(principal, notificationId);
  }
}
