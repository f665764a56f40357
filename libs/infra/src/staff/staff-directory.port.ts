/**
 * Who works in which medical unit, and in which role. The real directory (the institution's
 * HR system) lives outside the system; this port is all the API relies on. A reviewer's unit
 * comes from here when a case is assigned, never from the request.
 */
export type StaffRole = 'reviewer' | 'supervisor';

export interface StaffMember {
  /** Normalised DNI/NIE: the same id the staff member's token carries as subject. */
  readonly id: string;
  readonly name: string;
  readonly roles: readonly StaffRole[];
  /** 'INSS-28', 'INSS-41', 'ICAM', … */
  readonly unit: string;
}

export interface StaffDirectory {
  /** Undefined for someone the directory does not know. */
  find(id: string): Promise<StaffMember | undefined>;
  /** Everyone in a unit, by name. */
  inUnit(unit: string): Promise<readonly StaffMember[]>;
}

export const STAFF_DIRECTORY = Symbol('STAFF_DIRECTORY');

/** The local adapter's data, relative to the working directory the apps start in. */
export const STAFF_FIXTURES_FILE = 'fixtures/staff.json';
