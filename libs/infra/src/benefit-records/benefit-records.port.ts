/** Which person has which benefit request under evaluation, in which INSS province (an external system's data). */
export interface BenefitRecord {
  readonly subject: string;
  /** The request reference the citizen writes in 'NOTES'. */
  readonly benefitRequestRef: string;
  readonly provinceCode: string;
  readonly benefit: string;
  readonly active: boolean;
}

export interface BenefitRecords {
  hasActive(subject: string, benefitRequestRef: string, provinceCode: string): Promise<boolean>;
  /** Upserts the records; returns how many were written. */
  import(records: readonly BenefitRecord[]): Promise<number>;
}

export const BENEFIT_RECORDS = Symbol('BENEFIT_RECORDS');
