import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  entitlementApplicationDecider,
  medicalReportSubmissionDecider,
  type UpdateEntitlementDraft,
  type UpdateReportDraft,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { runCommand } from '@expediente/infra/commands/command-runner';
import { streams } from '@expediente/infra/event-store/streams';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { FilingDrafts } from '../filing.shared';
import type { DraftUpdate } from './update-draft.schema';

export class UpdateDraft extends Command<{ caseId: string; version: number }> {
  constructor(
    readonly principal: Principal,
    readonly caseId: string,
    readonly update: DraftUpdate,
    /** The version the client edited (If-Match); a newer one is a conflict. */
    readonly expectedVersion: number | undefined,
  ) {
    super();
  }
}

@CommandHandler(UpdateDraft)
export class UpdateDraftHandler implements ICommandHandler<UpdateDraft> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly drafts: FilingDrafts,
  ) {}

  async execute({ principal, caseId, update, expectedVersion }: UpdateDraft) {
    await this.drafts.loadOwn(update.procedure, principal, caseId);
    const stream = streams.filing(caseId);
    const metadata = metadataFor(principal);
    switch (update.procedure) {
      case 'medical-reports': {
        const command: UpdateReportDraft = {
          type: 'UpdateReportDraft',
          data: { ...update.body, caseId },
          metadata,
        };
        const result = await runCommand(this.store, medicalReportSubmissionDecider, stream, command, {
          expectedVersion,
        });
        return { caseId, version: result.version! };
      }
      case 'entitlement-applications': {
        const command: UpdateEntitlementDraft = {
          type: 'UpdateEntitlementDraft',
          data: { ...update.body, caseId },
          metadata,
        };
        const result = await runCommand(this.store, entitlementApplicationDecider, stream, command, {
          expectedVersion,
        });
        return { caseId, version: result.version! };
      }
      default: {
        const unknown: never = update;
        return unknown;
      }
    }
  }
}
