import { z } from 'zod';
import { attachment, draftVersion } from '../filing.schema';

export const attachDocumentResponse = draftVersion.extend({ attachment });
export type AttachedDocument = z.infer<typeof attachDocumentResponse>;
