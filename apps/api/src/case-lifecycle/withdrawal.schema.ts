import { z } from 'zod';
import { prose } from '@expediente/infra/validation/text';

/** A case's withdrawal, asked through the filing or the review. */
export const withdrawalRequest = z.object({ reason: prose(2000).optional() });
