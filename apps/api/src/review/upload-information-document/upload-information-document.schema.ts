import { z } from 'zod';
import { uploadedDocumentSchema, uploadedDocumentsSchema } from '../information.shared';

export const uploadInformationDocumentResponse = uploadedDocumentsSchema.extend({
  document: uploadedDocumentSchema,
});
export type UploadedInformationDocument = z.infer<typeof uploadInformationDocumentResponse>;
