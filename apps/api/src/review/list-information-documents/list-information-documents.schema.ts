import { z } from 'zod';
import { uploadedDocumentsSchema } from '../information.shared';

export const listInformationDocumentsResponse = uploadedDocumentsSchema;
export type InformationDocuments = z.infer<typeof listInformationDocumentsResponse>;
