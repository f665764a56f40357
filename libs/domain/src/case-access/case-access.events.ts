import type { Event } from '../shared/decider';
import type { LevelOfAssurance } from '../shared/command-metadata';
import type { MedicalUnit } from '../reference/provinces';
import type { AttachmentContentType } from '../filing/attachment';
import type { DocumentSource } from './case-documents';
import type { UnitStaffRole } from './case-access.rules';

/**
 * A member of the competent unit opened one of a case's documents (stream case-access-<caseId>).
 * Recorded before the content is served, so no read of health data goes unrecorded; the log's
 * hash chain keeps the record from being altered, and auditors replay it.
 */
export type DocumentRead = Event<
  'DocumentRead',
  {
    caseId: string;
    document: {
      blobHash: string;
      filename: string;
      contentType: AttachmentContentType;
      providedIn: DocumentSource;
    };
    reader: {
      id: string;
      role: UnitStaffRole;
      unit: MedicalUnit;
      levelOfAssurance: LevelOfAssurance;
    };
    /** The HTTP request that read it (its X-Request-Id, the correlation id of its log lines). */
    requestId: string;
    readAt: string;
  }
>;

export type CaseAccessEvent = DocumentRead;
