/**
 * What a person had typed into a form when their session ran out: kept for a day under an
 * unguessable id so that logging in again brings it back instead of losing it.
 */
export interface StashedForm {
  /** The page the form was sent to; the stash is offered back only there. */
  readonly path: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface FormStash {
  keep(form: StashedForm): Promise<string>;
  /** The form kept under `id`, once: taking it removes it. */
  take(id: string): Promise<StashedForm | undefined>;
}

export const FORM_STASH = Symbol('FORM_STASH');

export const FORM_STASH_TTL_SECONDS = 24 * 3600;
