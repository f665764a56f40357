import { Inject, Injectable } from '@nestjs/common';
import {
  mayReadNotificationDocument,
  notificationDecider,
  notificationMustBeVisibleTo,
  type NotificationCommand,
  type PowerOfAttorney,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { NotificationInbox } from '@expediente/infra/review-queue/notification-inbox';
import { SigningCodeService } from '../identity/signing-code.service';
import { actorOf, metadataFor } from '../commands/command-context';
import { powersBetween, principalsRepresentedBy } from '../powers/powers-between';
import { streams } from '@expediente/infra/event-store/streams';

/** What a code sent for this purpose confirms: the answer (acceptance or rejection) to this notification. */
const purposeOf = (notificationId: string) => `answer:${notificationId}`;

/**
 * The addressee's (or their proxy's) side of a notification. Whether they may open, accept or
 * reject it is the domain's rule; the API only hides notifications from everyone else.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_STATUS_READ_MODEL) private readonly caseStatus: CaseStatusReadModel,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly inbox: NotificationInbox,
    private readonly signing: SigningCodeService,
  ) {}

  /** One's own notifications and those of everyone whose notifications one manages by a power in force. */
  async mine(principal: Principal, page: { limit: number; before?: string }) {
    const now = this.clock.now();
    const principals = await principalsRepresentedBy(
      this.store,
      this.caseStatus,
      principal.subject,
      'notifications',
      now,
    );
    return this.inbox.forAddressees([...new Set([principal.subject, ...principals])], page, now);
  }

  async view(principal: Principal, notificationId: string) {
    const { state } = await this.loadVisible(principal, notificationId);
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

  async access(principal: Principal, notificationId: string) {
    const { powers } = await this.loadVisible(principal, notificationId);
    await this.run(notificationId, {
      type: 'AccessNotification',
      data: { notificationId, powersOfAttorney: powers },
      metadata: metadataFor(principal),
    });
    return this.view(principal, notificationId);
  }

  /** The notified document: the session asking now must be allowed to open it, and its person must have opened it. */
  async document(principal: Principal, notificationId: string) {
    const { state, powers } = await this.loadVisible(principal, notificationId);
    mayReadNotificationDocument(actorOf(principal), state, powers, this.clock.now(), notificationId);
    return {
      stream: this.blobs.open(state.notice.documentHash),
      size: await this.blobs.size(state.notice.documentHash),
    };
  }

  /** Only once the answer would otherwise be accepted: the rules run before an SMS is sent. */
  async requestSigningCode(principal: Principal, notificationId: string) {
    const { state, powers } = await this.loadVisible(principal, notificationId);
    notificationDecider.decide(this.answer(principal, notificationId, powers, 'accept', true), state);
    return this.signing.requestCode(principal, purposeOf(notificationId));
  }

  /** Every rule first (a missing code is the domain's SIGNATURE_OTP_REQUIRED), then the code is spent. */
  async respond(
    principal: Principal,
    notificationId: string,
    kind: 'accept' | 'reject',
    body: { signingCode?: string; reason?: string },
  ) {
    const { state, version, powers } = await this.loadVisible(principal, notificationId);
    const signed = principal.levelOfAssurance !== 'clave-permanente' || body.signingCode !== undefined;
    notificationDecider.decide(
      this.answer(principal, notificationId, powers, kind, signed, body.reason),
      state,
    );
    if (principal.levelOfAssurance === 'clave-permanente') {
      await this.signing.confirm(principal, purposeOf(notificationId), body.signingCode!);
    }
    await this.run(
      notificationId,
      this.answer(principal, notificationId, powers, kind, true, body.reason),
      version,
    );
    return this.view(principal, notificationId);
  }

  private answer(
    principal: Principal,
    notificationId: string,
    powersOfAttorney: readonly PowerOfAttorney[],
    kind: 'accept' | 'reject',
    otpVerified: boolean,
    reason?: string,
  ): NotificationCommand {
    const data = { notificationId, powersOfAttorney, otpVerified };
    const metadata = metadataFor(principal);
    return kind === 'accept'
      ? { type: 'AcceptNotification', data, metadata }
      : { type: 'RejectNotification', data: { ...data, reason }, metadata };
  }

  private run(notificationId: string, command: NotificationCommand, expectedVersion?: number) {
    return runCommand(this.store, notificationDecider, streams.notification(notificationId), command, {
      expectedVersion,
    });
  }

  /**
   * The addressee, or a proxy holding a power in force for notifications, sees it; anyone else
   * gets 404 (the domain's rule), so a notification's existence is not revealed.
   */
  private async loadVisible(principal: Principal, notificationId: string) {
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
}
