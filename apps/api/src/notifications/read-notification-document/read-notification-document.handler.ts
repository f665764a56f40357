import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { mayReadNotificationDocument } from '@expediente/domain';
import { BLOB_STORE, BlobStore } from '@expediente/infra/blobs/blob-store.port';
import { CLOCK, Clock } from '@expediente/infra/clock/clock';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { actorOf } from '../../commands/command-context';
import { VisibleNotifications } from '../notifications.shared';

export interface NotificationDocument {
  readonly stream: Readable;
  readonly size: number;
}

export class ReadNotificationDocumentQuery extends Query<NotificationDocument> {
  constructor(
    readonly principal: Principal,
    readonly notificationId: string,
  ) {
    super();
  }
}

/** The session asking now must be allowed to open it, and its person must have opened it (the domain's rule). */
@QueryHandler(ReadNotificationDocumentQuery)
export class ReadNotificationDocumentHandler implements IQueryHandler<ReadNotificationDocumentQuery> {
  constructor(
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly notifications: VisibleNotifications,
  ) {}

  async execute({ principal, notificationId }: ReadNotificationDocumentQuery): Promise<NotificationDocument> {
    const { state, powers } = await this.notifications.load(principal, notificationId);
    mayReadNotificationDocument(actorOf(principal), state, powers, this.clock.now(), notificationId);
    const hash = state.notice.documentHash;
    return { stream: this.blobs.open(hash), size: await this.blobs.size(hash) };
  }
}
