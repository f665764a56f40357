import { hasMessage, type Translate } from '../i18n/catalog';

/** Who acted, as the event's metadata (or the activity projection) records it. */
export interface ActorFields {
  readonly actor?: string | null;
  readonly actorName?: string | null;
  readonly role?: string | null;
  readonly levelOfAssurance?: string | null;
}

export interface Who {
  readonly name: string;
  readonly id: string;
  readonly role: string;
  readonly levelOfAssurance: string;
}

/** A value's label when the pages have one, else the value as recorded (a type added later still shows). */
const labelOr = (t: Translate, key: string, recorded: string): string =>
  hasMessage(key) ? t(key) : recorded;

export const eventLabel = (t: Translate, type: string): string => labelOr(t, `audit.event.${type}`, type);

/** The stream's kind in words: `review-<case id>` is the review. */
export const streamLabel = (t: Translate, stream: string): string => {
  const kind = stream.replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '');
  return labelOr(t, `audit.stream.${kind}`, kind);
};

export function whoOf(t: Translate, fields: ActorFields): Who {
  const id = fields.actor ?? '';
  const system = id.startsWith('system:');
  const roles = (fields.role ?? '').split(',').filter((role) => role !== '');
  return {
    name: system
      ? t('audit.actor.system', { actor: id })
      : (fields.actorName ?? (id || t('audit.actor.unknown'))),
    id: system ? '' : id,
    role:
      roles.length > 0
        ? roles.map((role) => labelOr(t, `audit.role.${role}`, role)).join(', ')
        : system
          ? t('audit.role.system')
          : '',
    levelOfAssurance: fields.levelOfAssurance
      ? labelOr(t, `audit.loa.${fields.levelOfAssurance}`, fields.levelOfAssurance)
      : system
        ? t('audit.loa.system')
        : '',
  };
}

/** What the API's 422 INVALID_QUERY names: each field and what is wrong with it. */
export function invalidFields(error: unknown): { field: string; message: string }[] {
  if (typeof error !== 'object' || error === null || !('fields' in error) || !Array.isArray(error.fields))
    return [];
  return error.fields.flatMap((entry: unknown) =>
    typeof entry === 'object' &&
    entry !== null &&
    'field' in entry &&
    typeof entry.field === 'string' &&
    'message' in entry &&
    typeof entry.message === 'string'
      ? [{ field: entry.field, message: entry.message }]
      : [],
  );
}

export const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
