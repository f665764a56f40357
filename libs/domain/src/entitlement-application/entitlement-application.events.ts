import type { Event } from '../shared/decider';
import type { IsoDate } from '../shared/calendar';
import type { MedicalUnit } from '../reference/provinces';
import type { Attachment } from '../filing/attachment';
import type { CaseRoutedToUnit, FilingRecord } from '../filing/filing.events';

export type EntitlementAttachmentKind = 'application-form' | 'supporting-document' | 'representation';
export const ENTITLEMENT_ATTACHMENT_KINDS: readonly EntitlementAttachmentKind[] = [
  'application-form',
  'supporting-document',
  'representation',
];
export type EntitlementAttachment = Attachment<EntitlementAttachmentKind>;

export interface Beneficiary {
  /** Normalised DNI/NIE; young children often have none. */
  readonly identityNumber?: string;
  readonly name: string;
  readonly birthDate: IsoDate;
}

/** The editable part of an application, carried whole by creation and by every update. */
export interface ApplicationDetails {
  readonly provinceCode: string;
  readonly beneficiaries: readonly Beneficiary[];
  /** Free text accepted only while no application form is attached. */
  readonly remarks?: string;
  /** The holder asked not to receive the resolution on paper at their postal address. */
  readonly paperOptOut: boolean;
}

export type EntitlementDraftCreated = Event<
  'EntitlementDraftCreated',
  ApplicationDetails & { caseId: string; filer: string; subject: string; createdAt: string }
>;

export type EntitlementDraftUpdated = Event<
  'EntitlementDraftUpdated',
  ApplicationDetails & { caseId: string; updatedAt: string }
>;

export type EntitlementDocumentAttached = Event<
  'EntitlementDocumentAttached',
  { caseId: string; attachment: EntitlementAttachment; attachedAt: string }
>;

export type EntitlementDocumentRemoved = Event<
  'EntitlementDocumentRemoved',
  { caseId: string; blobHash: string; removedAt: string }
>;

export type EntitlementApplicationSubmitted = Event<
  'EntitlementApplicationSubmitted',
  ApplicationDetails &
    FilingRecord & {
      caseId: string;
      filer: string;
      /** The holder of the entitlement. */
      subject: string;
      attachments: readonly EntitlementAttachment[];
      /** Madrid calendar day of the registry entry: the day the beneficiaries' ages are judged on. */
      filingDate: IsoDate;
      unit: MedicalUnit;
      submittedAt: string;
    }
>;

/** `reviewPending`: the review had not opened yet; the worker withdraws it once it opens. */
export type EntitlementApplicationWithdrawn = Event<
  'EntitlementApplicationWithdrawn',
  { caseId: string; withdrawnAt: string; reason?: string; reviewPending?: boolean }
>;

export type EntitlementApplicationEvent =
  | EntitlementDraftCreated
  | EntitlementDraftUpdated
  | EntitlementDocumentAttached
  | EntitlementDocumentRemoved
  | EntitlementApplicationSubmitted
  | CaseRoutedToUnit
  | EntitlementApplicationWithdrawn;
