import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notificationDecider } from '@expediente/domain';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { SignedCommands } from '../../commands/signed-command';
import { acceptance, answerPurpose, VisibleNotifications } from '../notifications.shared';
import type { NotificationView } from '../view-notification/view-notification.schema';
import type { AcceptanceRequest } from './accept-notification.schema';

export class AcceptNotificationCommand extends Command<NotificationView> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
    readonly request: AcceptanceRequest,
  ) {
    super();
  }
}

@CommandHandler(AcceptNotificationCommand)
export class AcceptNotificationHandler implements ICommandHandler<AcceptNotificationCommand> {
  constructor(
    private readonly notifications: VisibleNotifications,
    private readonly signed: SignedCommands,
  ) {}

  async execute({ principal, notificationId, request }: AcceptNotificationCommand) {
    const { state, version, powers } = await this.notifications.load(principal, notificationId);
    await this.signed.run(principal, {
      decider: notificationDecider,
      stream: streams.notification(notificationId),
      state,
      version,
      command: (otpVerified) => acceptance(principal, notificationId, powers, otpVerified),
      purpose: answerPurpose(notificationId),
      signingCode: request.signingCode,
    });
    return this.notifications.view(principal, notificationId);
  }
}
