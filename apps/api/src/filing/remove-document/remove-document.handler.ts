import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { FilingDrafts } from '../filing.shared';
import { FILING_PROCEDURES, FilingSlug } from '../procedures';

export class RemoveDocument extends Command<{ caseId: string; version: number }> {
  constructor(
    readonly principal: Principal,
    readonly procedure: FilingSlug,
    readonly caseId: string,
    readonly blobHash: string,
  ) {
    super();
  }
}

@CommandHandler(RemoveDocument)
export class RemoveDocumentHandler implements ICommandHandler<RemoveDocument> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly drafts: FilingDrafts,
  ) {}

  async execute({ principal, procedure, caseId, blobHash }: RemoveDocument) {
    await this.drafts.loadOwn(procedure, principal, caseId);
    const change = { type: 'remove', blobHash } as const;
    const version = await FILING_PROCEDURES[procedure].change(
      this.store,
      caseId,
      change,
      metadataFor(principal),
    );
    return { caseId, version };
  }
}
