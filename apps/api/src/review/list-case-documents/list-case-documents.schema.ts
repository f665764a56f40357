import { z } from 'zod';
import { caseDocumentSchema } from '../case-documents.shared';

export const listCaseDocumentsResponse = z.object({ documents: z.array(caseDocumentSchema) });
export type CaseDocuments = z.infer<typeof listCaseDocumentsResponse>;
