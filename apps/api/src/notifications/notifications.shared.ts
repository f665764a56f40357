import { Inject, Injectable } from '@nestjs/common';
import {
  notificationDecider,
  notificationMustBeVisibleTo,
  type AcceptNotification,
  type PowerOfAttorney,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { load } from '@expediente/infra/commands/command-runner';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { streams } from '@expediente/infra/event-store/streams';
import { metadataFor } from '../commands/command-context';
import { powersBetween } from '../powers/powers-between';
import type { NotificationView } from './view-notification/view-notification.schema';

/** What a code sent for this purpose confirms: the answer (acceptance or rejection) to this notification. */
export const answerPurpose = (notificationId: string) => `answer:${notificationId}`;

/** The acceptance the signing code is asked for: its rules run before any SMS goes out. */
export const acceptance = (
  principal: Principal,
  notificationId: string,
  powersOfAttorney: readonly PowerOfAttorney[],
  otpVerified: boolean,
): AcceptNotification => ({
  type: 'AcceptNotification',
  data: { notificationId, powersOfAttorney, otpVerified },
  metadata: metadataFor(principal),
});

/**
 * A notification as the session asking may see it. The addressee, or a proxy holding a power
 * in force for notifications, sees it; anyone else gets 404 (the domain's rule), so its
 * existence is not revealed. The powers are judged by the domain on their own streams.
 */
@Injectable()
export class VisibleNotifications {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_STATUS_READ_MODEL) private readonly caseStatus: CaseStatusReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(principal: Principal, notificationId: string) {
    const { state, version } = await load(
      this.store,
      notificationDecider,
      streams.notification(notificationId),
    );
    const addressee = state.status === 'none' ? undefined : state.notice.addressee;
    const powers =
      addressee === undefined || addressee === principal.subject
        ? []
        : await powersBetween(this.store, this.caseStatus, addressee, principal.subject);
    const live = notificationMustBeVisibleTo(
      principal.subject,
      state,
      powers,
      this.clock.now(),
      notificationId,
    );
    return { state: live, version, powers };
  }

  async view(principal: Principal, notificationId: string): Promise<NotificationView> {
    const { state } = await this.load(principal, notificationId);
    const { notice } = state;
    const pastDeadline = this.clock.now().getTime() >= Date.parse(notice.deemedRejectedAt);
    return {
      notificationId,
      addressee: notice.addressee,
      subject: notice.subject,
      caseId: notice.caseId ?? null,
      specialCategory: notice.specialCategory,
      status: state.status === 'available' && pastDeadline ? 'deemed-rejected' : state.status,
      madeAvailableAt: notice.madeAvailableAt,
      lastDayToAccess: notice.lastDayToAccess,
      deemedRejectedAt: notice.deemedRejectedAt,
      accessedAt: 'accessedAt' in state ? state.accessedAt : null,
      answeredAt: 'answeredAt' in state ? state.answeredAt : null,
    };
  }
}
