import type { AlertSubject } from '@expediente/domain';

/**
 * What an alert says, in plain Spanish. An SMS or an email is not a safe place for personal
 * data: it names no case, no health matter, no code, only that something waits in the office
 * and where to log in. It also says that it is only a notice (Law 39/2015 art. 41.6).
 */
const WAITING: Readonly<Record<AlertSubject, string>> = {
  'information-request': 'un requerimiento de información',
  notification: 'una notificación',
};

export function alertSms(about: AlertSubject, officeUrl: string): string {
  return `Seguridad Social: tiene ${WAITING[about]} en la sede electrónica. Acceda con Cl@ve o certificado en ${officeUrl}`;
}

export function alertEmail(about: AlertSubject, officeUrl: string): { subject: string; text: string } {
  return {
    subject: `Tiene ${WAITING[about]} en la sede electrónica de la Seguridad Social`,
    text: [
      'Buenos días:',
      '',
      `Le informamos de que tiene ${WAITING[about]} pendiente en la sede electrónica de la Seguridad Social.`,
      `Para consultarla, acceda con Cl@ve o con su certificado electrónico en ${officeUrl}`,
      '',
      'Este mensaje es solo un aviso: no contiene la comunicación ni sustituye a su puesta a disposición ' +
        'en la sede (artículo 41.6 de la Ley 39/2015). No responda a este correo.',
    ].join('\n'),
  };
}
