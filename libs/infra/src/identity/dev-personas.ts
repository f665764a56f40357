import type { Principal } from './identity-provider.port';

/**
 * The people a developer or tester can log in as on the development log-in page (and the demo
 * data files in their names). Staff come from the staff directory, so they are not repeated here.
 * Every DNI has a valid check letter; mobiles are where the local SMS inbox delivers their codes.
 */
export const DEV_CITIZENS: readonly Principal[] = [
  {
    subject: '23456789D',
    name: 'Núria Puig Soler',
    roles: ['citizen'],
    levelOfAssurance: 'certificate',
    mobile: '+34600000102',
  },
  {
    subject: '12345678Z',
    name: 'Jordi Vila Roca',
    roles: ['citizen'],
    levelOfAssurance: 'certificate',
    mobile: '+34600000101',
  },
  {
    subject: '34567890V',
    name: 'Lucía Martín Gil',
    roles: ['citizen'],
    levelOfAssurance: 'certificate',
    mobile: '+34600000103',
  },
];

export const DEV_AUDITOR: Principal = {
  subject: '58901234M',
  name: 'Auditora de desarrollo',
  roles: ['auditor'],
  levelOfAssurance: 'certificate',
};

/** A valid DNI that belongs to no demo person. */
export const DEV_OPERATOR: Principal = {
  subject: '56789012B',
  name: 'Operadora de desarrollo',
  roles: ['operator'],
  levelOfAssurance: 'certificate',
};
