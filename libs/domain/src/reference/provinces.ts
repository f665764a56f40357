/**
 * Spain's 52 provinces with their INE codes, and the medical unit competent for each: the
 * INSS provincial division, except in Catalonia where the Institut Català d'Avaluacions
 * Mèdiques (ICAM) is the competent authority (seed 000).
 */
import { ValidationError } from '../shared/domain-error';

export type AutonomousCommunity =
  | 'Andalucía'
  | 'Aragón'
  | 'Principado de Asturias'
  | 'Illes Balears'
  | 'Canarias'
  | 'Cantabria'
  | 'Castilla y León'
  | 'Castilla-La Mancha'
  | 'Cataluña'
  | 'Comunitat Valenciana'
  | 'Extremadura'
  | 'Galicia'
  | 'Comunidad de Madrid'
  | 'Región de Murcia'
  | 'Comunidad Foral de Navarra'
  | 'País Vasco'
  | 'La Rioja'
  | 'Ceuta'
  | 'Melilla';

export interface Province {
  /** Two-digit INE code, e.g. '08'. */
  readonly code: string;
  /** Official name (co-official forms where the law sets them, e.g. 'Alicante/Alacant'). */
  readonly name: string;
  readonly community: AutonomousCommunity;
}

export type MedicalUnit = Readonly<
  { kind: 'INSS'; id: `INSS-${string}`; name: string } | { kind: 'ICAM'; id: 'ICAM'; name: string }
>;

const p = (code: string, name: string, community: AutonomousCommunity): Province => ({
  code,
  name,
  community,
});

export const PROVINCES: readonly Province[] = [
  p('01', 'Araba/Álava', 'País Vasco'),
  p('02', 'Albacete', 'Castilla-La Mancha'),
  p('03', 'Alicante/Alacant', 'Comunitat Valenciana'),
  p('04', 'Almería', 'Andalucía'),
  p('05', 'Ávila', 'Castilla y León'),
  p('06', 'Badajoz', 'Extremadura'),
  p('07', 'Illes Balears', 'Illes Balears'),
  p('08', 'Barcelona', 'Cataluña'),
  p('09', 'Burgos', 'Castilla y León'),
  p('10', 'Cáceres', 'Extremadura'),
  p('11', 'Cádiz', 'Andalucía'),
  p('12', 'Castellón/Castelló', 'Comunitat Valenciana'),
  p('13', 'Ciudad Real', 'Castilla-La Mancha'),
  p('14', 'Córdoba', 'Andalucía'),
  p('15', 'A Coruña', 'Galicia'),
  p('16', 'Cuenca', 'Castilla-La Mancha'),
  p('17', 'Girona', 'Cataluña'),
  p('18', 'Granada', 'Andalucía'),
  p('19', 'Guadalajara', 'Castilla-La Mancha'),
  p('20', 'Gipuzkoa', 'País Vasco'),
  p('21', 'Huelva', 'Andalucía'),
  p('22', 'Huesca', 'Aragón'),
  p('23', 'Jaén', 'Andalucía'),
  p('24', 'León', 'Castilla y León'),
  p('25', 'Lleida', 'Cataluña'),
  p('26', 'La Rioja', 'La Rioja'),
  p('27', 'Lugo', 'Galicia'),
  p('28', 'Madrid', 'Comunidad de Madrid'),
  p('29', 'Málaga', 'Andalucía'),
  p('30', 'Murcia', 'Región de Murcia'),
  p('31', 'Navarra', 'Comunidad Foral de Navarra'),
  p('32', 'Ourense', 'Galicia'),
  p('33', 'Asturias', 'Principado de Asturias'),
  p('34', 'Palencia', 'Castilla y León'),
  p('35', 'Las Palmas', 'Canarias'),
  p('36', 'Pontevedra', 'Galicia'),
  p('37', 'Salamanca', 'Castilla y León'),
  p('38', 'Santa Cruz de Tenerife', 'Canarias'),
  p('39', 'Cantabria', 'Cantabria'),
  p('40', 'Segovia', 'Castilla y León'),
  p('41', 'Sevilla', 'Andalucía'),
  p('42', 'Soria', 'Castilla y León'),
  p('43', 'Tarragona', 'Cataluña'),
  p('44', 'Teruel', 'Aragón'),
  p('45', 'Toledo', 'Castilla-La Mancha'),
  p('46', 'Valencia/València', 'Comunitat Valenciana'),
  p('47', 'Valladolid', 'Castilla y León'),
  p('48', 'Bizkaia', 'País Vasco'),
  p('49', 'Zamora', 'Castilla y León'),
  p('50', 'Zaragoza', 'Aragón'),
  p('51', 'Ceuta', 'Ceuta'),
  p('52', 'Melilla', 'Melilla'),
];

const byCode = new Map(PROVINCES.map((province) => [province.code, province]));

export const ICAM: MedicalUnit = { kind: 'ICAM', id: 'ICAM', name: "Institut Català d'Avaluacions Mèdiques" };

export const provinceFor = (provinceCode: string): Province => {
  const province = byCode.get(provinceCode);
  if (!province) {
    throw new ValidationError(
      'UNKNOWN_PROVINCE',
      `There is no Spanish province with code "${provinceCode}".`,
      {
        provinceCode,
      },
    );
  }
  return province;
};

export const medicalUnitFor = (provinceCode: string): MedicalUnit => {
  const province = provinceFor(provinceCode);
  if (province.community === 'Cataluña') return ICAM;
  return {
    kind: 'INSS',
    id: `INSS-${province.code}`,
    name: `Dirección Provincial del INSS de ${province.name}`,
  };
};
