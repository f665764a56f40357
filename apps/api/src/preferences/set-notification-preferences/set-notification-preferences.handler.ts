import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notificationPreferencesDecider, type SetPaperCopies } from '@expediente/domain';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { NotificationPreferencesView, viewOf } from '../preferences.shared';
import type { SetNotificationPreferencesRequest } from './set-notification-preferences.schema';

export class SetNotificationPreferences extends Command<NotificationPreferencesView> {
  constructor(
    readonly principal: Principal,
    readonly request: SetNotificationPreferencesRequest,
  ) {
    super();
  }
}

/** The person is whoever is logged in: the choice is recorded on their own stream. */
@CommandHandler(SetNotificationPreferences)
export class SetNotificationPreferencesHandler implements ICommandHandler<SetNotificationPreferences> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, request }: SetNotificationPreferences): Promise<NotificationPreferencesView> {
    const command: SetPaperCopies = {
      type: 'SetPaperCopies',
      data: { person: principal.subject, paperCopies: request.paperCopies },
      metadata: metadataFor(principal),
    };
    const { state } = await runCommand(
      this.store,
      notificationPreferencesDecider,
      streams.notificationPreferences(principal.subject),
      command,
    );
    return viewOf(state);
  }
}
