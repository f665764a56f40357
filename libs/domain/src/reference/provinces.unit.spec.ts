import { ICAM, PROVINCES, medicalUnitFor } from './provinces';

describe('provinces and their medical units', () => {
  it('lists the 52 provinces with INE codes 01 to 52', () => {
    expect(PROVINCES.map(({ code }) => code)).toEqual(
      Array.from({ length: 52 }, (_, index) => String(index + 1).padStart(2, '0')),
    );
  });

  it.each(['08', '17', '25', '43'])('routes Catalonia (%s) to ICAM', (code) => {
    expect(medicalUnitFor(code)).toEqual(ICAM);
    expect(ICAM.name).toBe("Institut Català d'Avaluacions Mèdiques");
  });

  it('routes every other province to its INSS provincial division', () => {
    expect(medicalUnitFor('28')).toEqual({
      kind: 'INSS',
      id: 'INSS-28',
      name: 'Dirección Provincial del INSS de Madrid',
    });
    expect(medicalUnitFor('51')).toEqual({
      kind: 'INSS',
      id: 'INSS-51',
      name: 'Dirección Provincial del INSS de Ceuta',
    });
    const inss = PROVINCES.filter(({ community }) => community !== 'Cataluña');
    expect(inss).toHaveLength(48);
    for (const { code } of inss)
      expect(medicalUnitFor(code)).toMatchObject({ kind: 'INSS', id: `INSS-${code}` });
  });

  it.each(['53', '8', '00', 'BCN'])('refuses the unknown province %s', (code) => {
    expect(() => medicalUnitFor(code)).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_PROVINCE',
        kind: 'validation',
        facts: { provinceCode: code },
      }),
    );
  });
});
