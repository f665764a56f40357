import { z } from 'zod';
import { e164, principalSchema } from '@expediente/infra/identity/principal.schema';

export const loginRequest = principalSchema;

export const loginResponse = z.object({
  token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`.' }),
  principal: principalSchema,
  expiresAt: z.iso.datetime().meta({ example: '2026-03-02T17:15:00.000Z' }),
});

export const smsInboxQuery = z.object({
  to: e164.meta({ description: 'The mobile the codes were sent to.', example: '+34600111222' }),
});

export const smsInbox = z.object({
  to: e164,
  messages: z.array(
    z.object({
      to: e164,
      text: z
        .string()
        .meta({ example: 'Expediente: your signing code is 123456. It expires in 10 minutes.' }),
      sentAt: z.iso.datetime(),
    }),
  ),
});

/** Dev routes do not exist in production: they answer as an unknown route does. */
export const ONLY_IN_DEVELOPMENT = { status: 404, codes: ['NOT_FOUND'] } as const;
