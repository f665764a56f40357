import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import {
  entitlementApplicationDecider,
  medicalReportSubmissionDecider,
  type CreateEntitlementDraft,
  type CreateReportDraft,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import type { NewDraft } from './create-draft.schema';

export class CreateDraft extends Command<{ caseId: string; version: number }> {
  constructor(
    readonly principal: Principal,
    readonly draft: NewDraft,
  ) {
    super();
  }
}

@CommandHandler(CreateDraft)
export class CreateDraftHandler implements ICommandHandler<CreateDraft> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, draft }: CreateDraft) {
    const caseId = randomUUID();
    const stream = streams.filing(caseId);
    const metadata = metadataFor(principal);
    switch (draft.procedure) {
      case 'medical-reports': {
        const command: CreateReportDraft = {
          type: 'CreateReportDraft',
          data: { ...draft.body, caseId },
          metadata,
        };
        const { version } = await runCommand(this.store, medicalReportSubmissionDecider, stream, command);
        return { caseId, version: version! };
      }
      case 'entitlement-applications': {
        const command: CreateEntitlementDraft = {
          type: 'CreateEntitlementDraft',
          data: { ...draft.body, caseId },
          metadata,
        };
        const { version } = await runCommand(this.store, entitlementApplicationDecider, stream, command);
        return { caseId, version: version! };
      }
      default: {
        const unknown: never = draft;
        return unknown;
      }
    }
  }
}
