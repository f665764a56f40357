/**
 * What every command carries besides its data. The handler fills it from the verified token
 * and the clock, so deciders stay deterministic: they never read the clock or mint ids.
 */

/** How the actor logged in (Cl@ve / certificate), which bounds what they may do. */
export type LevelOfAssurance = 'certificate' | 'clave-permanente' | 'clave-movil';

export type Role =
  'citizen' | 'representative' | 'red-authorised' | 'reviewer' | 'supervisor' | 'auditor' | 'integrator';

export interface Actor {
  /** The person's normalised identity number (DNI/NIE) as the identity provider asserts it. */
  readonly id: string;
  /** As the identity provider asserts it; recorded for people reading the history, never decided on. */
  readonly name?: string;
  readonly roles: readonly Role[];
  readonly levelOfAssurance: LevelOfAssurance;
  /** Staff only: the medical unit they work for ('INSS-28', 'ICAM'), as the identity provider asserts it. */
  readonly unit?: string;
}

export interface CommandMetadata {
  readonly now: Date;
  readonly actor: Actor;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly idempotencyKey?: string;
}

export type Command<Type extends string, Data> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;
