import { Inject, Injectable } from '@nestjs/common';
import {
  caseReviewDecider,
  endOfMadridDay,
  isDomainError,
  notificationDecider,
  reviewDeadlines,
  type CaseReviewCommand,
  type CaseRoutedToUnit,
  type CaseReviewEvent,
  type NotificationOutcome,
} from '@expediente/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@expediente/infra/event-store/event-store.port';
import { deterministicUuid, runCommand } from '@expediente/infra/commands/command-runner';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import { DEADLINE_RULES, DeadlineRules } from '@expediente/infra/deadlines/deadline-rules';
import { ResolutionRenderer } from '@expediente/infra/resolutions/resolution-renderer';
import { generateCsv } from '@expediente/infra/receipts/csv';
import { VERIFY_BASE_URL } from '../receipts/receipt-issuer';
import { resolutionFactsOf } from './resolution-facts';
import { systemMetadata } from './system-metadata';
import { streams } from '@expediente/infra/event-store/streams';

const ANSWER_OUTCOMES: Readonly<Record<string, NotificationOutcome>> = {
  NotificationAccepted: 'accepted',
  NotificationRejected: 'rejected',
  NotificationDeemedRejected: 'deemed-rejected',
};

/** A case-review command as the worker builds it; the metadata is added on the way out. */
type SystemCommand = CaseReviewCommand extends infer C
  ? C extends { type: infer T; data: infer D }
    ? { type: T; data: D }
    : never
  : never;

/** A deadline the worker will check when it falls due (a delayed BullMQ job). */
export interface ScheduledDeadline {
  readonly jobId: string;
  readonly dueAt: Date;
  readonly data: { caseId: string; step: string; dueOn: string; dueAt: string };
}

/**
 * What the system does in reply to events: each method is safe to run again for the same
 * event (it first looks for an event it already caused), so a retried job never acts twice.
 */
@Injectable()
export class Reactions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_RULES) private readonly rules: DeadlineRules,
    @Inject(VERIFY_BASE_URL) private readonly verifyBaseUrl: string,
    private readonly resolutions: ResolutionRenderer,
  ) {}

  async openReview(caseId: string, routedEventId: string): Promise<void> {
    const filing = await this.events(streams.filing(caseId));
    const routed = filing.find((e) => e.id === routedEventId);
    if (!routed || (await this.caused(streams.review(caseId), routedEventId))) return;
    const data = routed.data as CaseRoutedToUnit['data'];
    const filed = filing.find((e) => /Submitted$/.test(e.type))!.data as { subject: string; filer: string };
    await this.decideReview(caseId, routed, {
      type: 'OpenReview',
      data: {
        caseId,
        procedure: data.procedure,
        provinceCode: data.provinceCode,
        unit: data.unit,
        subject: filed.subject,
        filer: filed.filer,
        routedAt: data.routedAt,
      },
    });
  }

  /**
   * Renders, seals and stores the letter, then records ResolutionIssued with its hash and
   * whether a paper copy is owed (the relay posts it from that event, so it is never lost).
   */
  async issueResolution(caseId: string, resolvedEventId: string): Promise<void> {
    const review = await this.events(streams.review(caseId));
    if (review.some((e) => e.type === 'ResolutionIssued')) return;
    const facts = resolutionFactsOf(await this.events(streams.filing(caseId)), review, {
      csv: generateCsv(),
      verifyBaseUrl: this.verifyBaseUrl,
    });
    const letter = await this.resolutions.render(facts);
    const [pdf, p7s] = await Promise.all(
      [letter.pdf, letter.p7s, letter.zip].map((bytes) => this.blobs.putBytes(bytes)),
    );
    const cause = review.find((e) => e.id === resolvedEventId)!;
    await this.decideReview(caseId, cause, {
      type: 'RecordResolutionIssued',
      data: {
        caseId,
        documentHash: pdf!.hash,
        signatureHash: p7s!.hash,
        csv: facts.csv,
        issuedAt: this.clock.now().toISOString(),
        paperCopy: !facts.paperOptOut,
      },
    });
  }

  /** The resolution becomes an electronic notification to the case's subject (health data: special category). */
  async makeNotificationAvailable(caseId: string, issuedEventId: string): Promise<string> {
    const review = await this.events(streams.review(caseId));
    const issued = review.find((e) => e.id === issuedEventId)!;
    const opened = review.find((e) => e.type === 'ReviewOpened')!.data as { subject: string };
    const notificationId = deterministicUuid(`notification|${issuedEventId}`);
    const stream = streams.notification(notificationId);
    if (await this.caused(stream, issuedEventId)) return notificationId;
    await runCommand(this.store, notificationDecider, stream, {
      type: 'MakeNotificationAvailable',
      data: {
        notificationId,
        addressee: opened.subject,
        subject: 'Resolución de su expediente',
        caseId,
        documentHash: (issued.data as { documentHash: string }).documentHash,
        specialCategory: true,
      },
      metadata: systemMetadata(this.clock.now(), issued),
    });
    return notificationId;
  }

  async deemRejected(notificationId: string): Promise<void> {
    await this.ignoringDone(() =>
      runCommand(this.store, notificationDecider, streams.notification(notificationId), {
        type: 'DeemNotificationRejected',
        data: { notificationId },
        metadata: systemMetadata(this.clock.now()),
      }),
    );
  }

  /** Once the notification is answered (or deemed rejected), the case is closed. */
  async closeCase(notificationId: string, answerEventId: string): Promise<void> {
    const events = await this.events(streams.notification(notificationId));
    const answer = events.find((e) => e.id === answerEventId)!;
    const caseId = (events[0]!.data as { caseId?: string }).caseId;
    if (!caseId || (await this.caused(streams.review(caseId), answerEventId))) return;
    const outcome = ANSWER_OUTCOMES[answer.type];
    if (!outcome) throw new Error(`${answer.type} does not answer a notification`);
    await this.decideReview(caseId, answer, {
      type: 'CloseCase',
      data: {
        caseId,
        notificationId,
        notificationOutcome: outcome,
        notifiedAt: answer.recordedAt.toISOString(),
      },
    });
  }

  /** The deadlines running now for a review, as delayed jobs to check when each falls due. */
  async deadlinesOf(caseId: string): Promise<ScheduledDeadline[]> {
    const events = (await this.events(streams.review(caseId))).map(
      (e) => ({ type: e.type, data: e.data }) as CaseReviewEvent,
    );
    return reviewDeadlines(events, this.rules.policy, this.rules.calendar).flatMap((deadline) => {
      if (deadline.state !== 'running') return [];
      const dueAt = endOfMadridDay(deadline.dueOn);
      return [
        {
          jobId: `deadline-${caseId}-${deadline.step}-${deadline.dueOn}`,
          dueAt,
          data: { caseId, step: deadline.step, dueOn: deadline.dueOn, dueAt: dueAt.toISOString() },
        },
      ];
    });
  }

  async recordDeadlineExpired(caseId: string, step: string, dueOn: string): Promise<void> {
    await this.ignoringDone(() =>
      runCommand(this.store, caseReviewDecider, streams.review(caseId), {
        type: 'RecordDeadlineExpired',
        data: { caseId, step, dueOn },
        metadata: systemMetadata(this.clock.now()),
      } as never),
    );
  }

  private async decideReview(caseId: string, cause: StoredEvent, command: SystemCommand): Promise<void> {
    await runCommand(this.store, caseReviewDecider, streams.review(caseId), {
      ...command,
      metadata: systemMetadata(this.clock.now(), cause),
    } as never);
  }

  /** A deadline or deemed rejection that no longer applies (answered, moved, closed) is simply done. */
  private async ignoringDone(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (isDomainError(error) && error.code !== 'NOT_YET_DUE' && error.kind !== 'validation') return;
      throw error;
    }
  }

  private async caused(stream: string, causeId: string): Promise<boolean> {
    return (await this.events(stream)).some((e) => e.metadata.causationId === causeId);
  }

  private async events(stream: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for await (const event of this.store.readStream(stream)) events.push(event);
    return events;
  }
}
