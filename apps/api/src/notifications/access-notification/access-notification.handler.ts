import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notificationDecider, type AccessNotification } from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { VisibleNotifications } from '../notifications.shared';
import type { NotificationView } from '../view-notification/view-notification.schema';

export class AccessNotificationCommand extends Command<NotificationView> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
  ) {
    super();
  }
}

/** Every access is recorded (proof of delivery); the first stops the ten-day clock. */
@CommandHandler(AccessNotificationCommand)
export class AccessNotificationHandler implements ICommandHandler<AccessNotificationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly notifications: VisibleNotifications,
  ) {}

  async execute({ principal, notificationId }: AccessNotificationCommand): Promise<NotificationView> {
    const { powers } = await this.notifications.load(principal, notificationId);
    const command: AccessNotification = {
      type: 'AccessNotification',
      data: { notificationId, powersOfAttorney: powers },
      metadata: metadataFor(principal),
    };
    await runCommand(this.store, notificationDecider, streams.notification(notificationId), command);
    return this.notifications.view(principal, notificationId);
  }
}
