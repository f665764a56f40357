import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  Attachment,
  DraftBase,
  FilingState,
  Forbidden,
  mayReadCase,
  NotFound,
  requireDraft,
} from '@expediente/domain';
import { EVENT_STORE, EventStore } from '@expediente/infra/event-store/event-store.port';
import { load, runCommand } from '@expediente/infra/commands/command-runner';
import { SQL_CLIENT, SqlClient } from '@expediente/infra/sql/sql-client';
import { CASE_STATUS_READ_MODEL, CaseStatusReadModel } from '@expediente/infra/case-status/case-status.port';
import { BENEFIT_RECORDS, BenefitRecords } from '@expediente/infra/benefit-records/benefit-records.port';
import { ElectronicRegister, IdempotencyKeys } from '@expediente/infra/register/electronic-register';
import { generateCsv } from '@expediente/infra/receipts/csv';
import type { Principal } from '@expediente/infra/identity/identity-provider.port';
import { SigningCodeService } from '../identity/signing-code.service';
import { metadataFor } from '../commands/command-context';
import { powersBetween, principalNameOn } from '../powers/powers-between';
import { FilingProcedure } from './procedures';
import { streams } from '@expediente/infra/event-store/streams';

type State = FilingState<DraftBase>;
type Existing = Exclude<State, { status: 'none' }>;
const FILING_STATUSES: ReadonlySet<string> = new Set<Existing['status']>(['draft', 'submitted', 'withdrawn']);
const isFiling = (state: State): state is Existing => FILING_STATUSES.has(state.status);

export interface SubmissionReceipt {
  readonly caseId: string;
  readonly registryEntry: { readonly number: string; readonly registeredAt: string };
  readonly receiptCsv: string;
  readonly unit: { readonly id: string; readonly name: string };
}

/** Loads, decides and appends for the filing endpoints; the rules themselves are the domain's. */
@Injectable()
export class FilingService {
  private readonly register: ElectronicRegister;
  private readonly idempotency: IdempotencyKeys;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) sql: SqlClient,
    @Inject(BENEFIT_RECORDS) private readonly benefitRecords: BenefitRecords,
    private readonly signing: SigningCodeService,
    @Inject(CASE_STATUS_READ_MODEL) private readonly readModel: CaseStatusReadModel,
  ) {
    this.register = new ElectronicRegister(sql);
    this.idempotency = new IdempotencyKeys(sql);
  }

  async createDraft(procedure: FilingProcedure, principal: Principal, data: Record<string, unknown>) {
    const caseId = randomUUID();
    const command = {
      type: procedure.commands.create,
      data: { ...data, caseId },
      metadata: metadataFor(principal),
    };
    const result = await runCommand(this.store, procedure.decider, streams.filing(caseId), command as never);
    return { caseId, version: result.version! };
  }

  /** The draft and its documents: the filer, and only with a session that may read someone else's case when it is theirs. */
  async view(procedure: FilingProcedure, principal: Principal, caseId: string) {
    const { state, version } = await this.loadOwn(procedure, principal, caseId);
    const parties = { caseId, filer: state.filer, subject: state.subject, procedure: procedure.procedure };
    const { actor, now } = metadataFor(principal);
    mayReadCase(actor, parties, [], now);
    return { ...state, version };
  }

  async decideOnDraft(
    procedure: FilingProcedure,
    principal: Principal,
    caseId: string,
    type: keyof FilingProcedure['commands'],
    data: Record<string, unknown>,
    expectedVersion?: number,
  ) {
    await this.loadOwn(procedure, principal, caseId);
    const command = this.commandOn(procedure, principal, caseId, type, data);
    const result = await runCommand(this.store, procedure.decider, streams.filing(caseId), command, {
      expectedVersion,
    });
    return { caseId, version: result.version! };
  }

  /** The domain's decision on the draft as it is now, nothing appended: refuses as `decideOnDraft` would. */
  async wouldDecide(
    procedure: FilingProcedure,
    principal: Principal,
    caseId: string,
    type: keyof FilingProcedure['commands'],
    data: Record<string, unknown>,
  ): Promise<void> {
    const { folded } = await this.loadOwn(procedure, principal, caseId);
    procedure.decider.decide(this.commandOn(procedure, principal, caseId, type, data), folded);
  }

  /**
   * What may still be attached: the 10 MB budget minus what the draft holds. Only a draft takes
   * documents, and that is checked here, before the upload is read into the blob store.
   */
  async attachmentsOf(
    procedure: FilingProcedure,
    principal: Principal,
    caseId: string,
  ): Promise<readonly Attachment[]> {
    const { state } = await this.loadOwn(procedure, principal, caseId);
    return requireDraft(state, caseId).attachments;
  }

  /**
   * Signs and registers. The same Idempotency-Key returns the same entry; the rules run
   * before the one-time code is spent and before a register number is allocated.
   */
  async submit(
    procedure: FilingProcedure,
    principal: Principal,
    caseId: string,
    idempotencyKey: string,
    body: { signingCode?: string },
  ): Promise<{ receipt: SubmissionReceipt; replayed: boolean }> {
    const claim = await this.idempotency.claim(
      principal.subject,
      idempotencyKey,
      { procedure: procedure.slug, caseId, body },
      caseId,
    );
    try {
      const { state, version } = await this.loadOwn(procedure, principal, caseId);
      if (claim === 'replay' && state.status !== 'draft') {
        return { receipt: receiptOf(caseId, state), replayed: true };
      }
      const stream = streams.filing(caseId);
      const subject = state.subject;
      // One instant for the whole filing: the register's number and date, and the date powers are judged on.
      const metadata = metadataFor(principal, { idempotencyKey });
      const powersOfAttorney =
        subject === principal.subject
          ? []
          : await powersBetween(this.store, this.readModel, subject, principal.subject);
      const subjectName =
        subject === principal.subject ? principal.name : await principalNameOn(this.store, powersOfAttorney);
      const evidence = {
        caseId,
        otpVerified: principal.levelOfAssurance !== 'clave-permanente',
        powersOfAttorney,
        ...(subjectName !== undefined && { subjectName }),
        activeBenefitRecord: await this.hasActiveRecord(state),
        registryEntry: { number: '0000/000000', registeredAt: metadata.now },
        receiptCsv: 'PENDING',
      };
      const command = (data: typeof evidence) =>
        ({ type: procedure.commands.submit, data, metadata }) as never;
      // Every rule but the signature, before anything is spent.
      procedure.decider.decide(command({ ...evidence, otpVerified: true }), state as never);
      if (principal.levelOfAssurance === 'clave-permanente') {
        if (!body.signingCode) {
          // The domain's own refusal for an unsigned filing (filingMustBeSigned), raised before the code is spent.
          throw new Forbidden(
            'SIGNATURE_OTP_REQUIRED',
            'Enter the code we sent by SMS to sign this filing.',
            { caseId },
          );
        }
        await this.signing.confirm(principal, `sign:${caseId}`, body.signingCode);
        evidence.otpVerified = true;
      }
      evidence.registryEntry = await this.register.allocate(metadata.now);
      evidence.receiptCsv = generateCsv();
      const result = await runCommand(this.store, procedure.decider, stream, command(evidence), {
        expectedVersion: version,
      });
      return { receipt: receiptOf(caseId, result.state as State), replayed: false };
    } catch (error) {
      // A refused submission stores nothing, its key included: after a wrong code or a fixed draft
      // the filer resubmits with the same key. A replay's key belongs to the request that claimed it.
      if (claim === 'first') await this.idempotency.release(principal.subject, idempotencyKey);
      throw error;
    }
  }

  private commandOn(
    procedure: FilingProcedure,
    principal: Principal,
    caseId: string,
    type: keyof FilingProcedure['commands'],
    data: Record<string, unknown>,
  ) {
    const command = {
      type: procedure.commands[type],
      data: { ...data, caseId },
      metadata: metadataFor(principal),
    };
    return command as never;
  }

  /** The draft and its editing are the filer's; others follow the case through /cases/{id} (status and timeline). */
  private async loadOwn(procedure: FilingProcedure, principal: Principal, caseId: string) {
    const loaded = await load(this.store, procedure.decider, streams.filing(caseId));
    const state = loaded.state as State;
    // A case of the other procedure folds to no status of this one: it is no filing of this kind.
    if (!isFiling(state)) throw new NotFound('CASE_NOT_FOUND', `There is no filing ${caseId}.`, { caseId });
    if (state.filer !== principal.subject) {
      throw new Forbidden('NOT_THE_FILER', 'Only the person who filed this case may work on it.', { caseId });
    }
    return { state, version: loaded.version, folded: loaded.state };
  }

  /** Only medical-report filings need an active benefit record; the domain ignores the answer otherwise. */
  private async hasActiveRecord(state: Existing): Promise<boolean> {
    const ref = (state as Existing & { benefitRequestRef?: string }).benefitRequestRef;
    return ref === undefined || this.benefitRecords.hasActive(state.subject, ref, state.provinceCode);
  }
}

function receiptOf(caseId: string, state: State): SubmissionReceipt {
  if (state.status !== 'submitted' && state.status !== 'withdrawn')
    throw new Error(`case ${caseId} is not submitted`);
  return {
    caseId,
    registryEntry: state.filing.registryEntry,
    receiptCsv: state.filing.receiptCsv,
    unit: { id: state.unit.id, name: state.unit.name },
  };
}
