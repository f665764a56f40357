import { z } from 'zod';

const instant = z.iso.datetime().meta({ example: '2026-03-02T09:15:00.000Z' });

/** A notification as its addressee (or their proxy) sees it: what it is about and where it stands. */
export const notificationView = z.object({
  notificationId: z.uuid().meta({ example: '3f6c2a9e-8d41-4b7a-9c0e-5a1d2b3c4d5e' }),
  addressee: z.string().meta({ description: 'DNI/NIE of the person notified.', example: '12345678Z' }),
  subject: z.string().meta({ example: 'Resolución de su expediente' }),
  caseId: z.uuid().nullable(),
  specialCategory: z.boolean().meta({
    description:
      'Holds special-category data (health): opens only with an electronic certificate or Cl@ve permanente.',
  }),
  status: z.enum(['available', 'accessed', 'accepted', 'rejected', 'deemed-rejected']).meta({
    description:
      'An unaccessed notification reads as deemed rejected once its ten calendar days end, recorded or not.',
  }),
  madeAvailableAt: instant,
  lastDayToAccess: z.iso.date().meta({ example: '2026-03-12' }),
  deemedRejectedAt: instant,
  accessedAt: instant.nullable(),
  answeredAt: instant.nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;
