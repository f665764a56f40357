import type { Command } from '../shared/command-metadata';
import type { CaseDocument } from './case-documents';
import type { CompetentUnit } from './case-access.rules';

/**
 * Record that the actor is reading a document, before it is served. The caller brings the case's
 * competent unit and the document as its own streams state them; the rule is judged again here.
 */
export type RecordDocumentRead = Command<
  'RecordDocumentRead',
  {
    caseId: string;
    competent: CompetentUnit | undefined;
    document: CaseDocument;
    requestId: string;
  }
>;

export type CaseAccessCommand = RecordDocumentRead;
