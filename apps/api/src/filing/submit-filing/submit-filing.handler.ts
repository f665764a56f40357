import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { BENEFIT_RECORDS, BenefitRecords } from '@expediente/infra/benefit-records/benefit-records.port';
import { ElectronicRegister, IdempotencyKeys } from '@expediente/infra/register/electronic-register';
import { generateCsv } from '@expediente/infra/receipts/csv';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { metadataFor } from '../../commands/command-context';
import { SignedCommands } from '../../commands/signed-command';
import { powersBetween, principalNameOn } from '../../powers/powers-between';
import { FilingDrafts, OwnFiling } from '../filing.shared';
import type { Filing, FilingSlug } from '../procedures';

export interface FiledReceipt {
  readonly caseId: string;
  readonly registryEntry: { readonly number: string; readonly registeredAt: string };
  readonly receiptCsv: string;
  readonly unit: { readonly id: string; readonly name: string };
}

export class SubmitFiling extends Command<{ receipt: FiledReceipt; replayed: boolean }> {
  constructor(
    readonly principal: Principal,
    readonly procedure: FilingSlug,
    readonly caseId: string,
    readonly idempotencyKey: string,
    readonly body: { readonly signingCode?: string },
  ) {
    super();
  }
}

/**
 * Signs and registers. The same Idempotency-Key returns the same entry; the rules run before
 * the one-time code is spent, and the register number is allocated only after (afterSigning).
 */
@CommandHandler(SubmitFiling)
export class SubmitFilingHandler implements ICommandHandler<SubmitFiling> {
  private readonly register: ElectronicRegister;
  private readonly idempotency: IdempotencyKeys;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) sql: SqlClient,
    @Inject(BENEFIT_RECORDS) private readonly benefitRecords: BenefitRecords,
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
    private readonly drafts: FilingDrafts,
    private readonly signed: SignedCommands,
  ) {
    this.register = new ElectronicRegister(sql);
    this.idempotency = new IdempotencyKeys(sql);
  }

  async execute({ principal, procedure, caseId, idempotencyKey, body }: SubmitFiling) {
    const request = { procedure, caseId, body };
    const claim = await this.idempotency.claim(principal.subject, idempotencyKey, request, caseId);
    try {
      const own = await this.drafts.loadOwn(procedure, principal, caseId);
      if (claim === 'replay' && own.state.status !== 'draft') {
        return { receipt: receiptOf(caseId, own.state), replayed: true };
      }
      const filed = await this.submit(principal, own, body, idempotencyKey);
      return { receipt: receiptOf(caseId, filed), replayed: false };
    } catch (error) {
      // A refused submission stores nothing, its key included: after a wrong code or a fixed draft
      // the filer resubmits with the same key. A replay's key belongs to the request that claimed it.
      if (claim === 'first') await this.idempotency.release(principal.subject, idempotencyKey);
      throw error;
    }
  }

  private async submit(
    principal: Principal,
    { loaded, state: { subject, caseId } }: OwnFiling,
    body: { readonly signingCode?: string },
    idempotencyKey: string,
  ): Promise<Filing> {
    // One instant for the whole filing: the register's number and date, and the date powers are judged on.
    const metadata = metadataFor(principal, { idempotencyKey });
    const powersOfAttorney =
      subject === principal.subject
        ? []
        : await powersBetween(this.store, this.readModel, subject, principal.subject);
    const subjectName =
      subject === principal.subject ? principal.name : await principalNameOn(this.store, powersOfAttorney);
    const record = loaded.benefitRecord;
    const activeBenefitRecord =
      record === undefined ||
      (await this.benefitRecords.hasActive(record.subject, record.benefitRequestRef, record.provinceCode));
    // Placeholders while the rules are checked: the register allocates only once the code is spent.
    let registryEntry = { number: '0000/000000', registeredAt: metadata.now };
    let receiptCsv = 'PENDING';
    return loaded.submit(this.signed, principal, {
      metadata,
      evidence: () => ({
        caseId,
        powersOfAttorney,
        ...(subjectName !== undefined && { subjectName }),
        activeBenefitRecord,
        registryEntry,
        receiptCsv,
      }),
      signingCode: body.signingCode,
      afterSigning: async () => {
        registryEntry = await this.register.allocate(metadata.now);
        receiptCsv = generateCsv();
      },
    });
  }
}

function receiptOf(caseId: string, state: Filing): FiledReceipt {
  if (state.status !== 'submitted' && state.status !== 'withdrawn')
    throw new Error(`case ${caseId} is not submitted`);
  return {
    caseId,
    registryEntry: state.filing.registryEntry,
    receiptCsv: state.filing.receiptCsv,
    unit: { id: state.unit.id, name: state.unit.name },
  };
}
