/**
 * Public holidays as data, so procedural deadlines in business days (Law 39/2015 art. 30.2)
 * can be computed without a clock or a network. Three layers, as Spanish labour law sets them:
 * national, regional (per autonomous community) and local (per municipality — modelled here per
 * province, using its capital's local days, because a case is addressed to a province).
 */
import type { IsoDate } from '../shared/calendar';
import type { AutonomousCommunity } from '../reference/provinces';
import { provinceFor } from '../reference/provinces';

export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
}

export interface HolidayCalendar {
  /**
   * The years whose holidays are all listed. A date outside them is refused rather than treated
   * as having no holidays, which would silently shorten every deadline that crosses it.
   */
  readonly years: readonly number[];
  readonly national: readonly Holiday[];
  readonly regional: Readonly<Partial<Record<AutonomousCommunity, readonly Holiday[]>>>;
  /** Keyed by the province's two-digit INE code. */
  readonly local: Readonly<Partial<Record<string, readonly Holiday[]>>>;
}

/** Every holiday that applies in a province: national, its community's and its own local ones. */
export const holidaysIn = (calendar: HolidayCalendar, provinceCode: string): readonly Holiday[] => {
  const province = provinceFor(provinceCode);
  return [
    ...calendar.national,
    ...(calendar.regional[province.community] ?? []),
    ...(calendar.local[province.code] ?? []),
  ];
};
