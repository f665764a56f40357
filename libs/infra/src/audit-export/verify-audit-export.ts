import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, eventHash, GENESIS_HASH } from '../event-store/event-hash';
import type { StoredEvent } from '../event-store/event-store.port';
import { checkDetachedSignature } from '../seal/seal-verify';
import {
  AuditScope,
  DOCUMENTS_FOLDER,
  documentEntry,
  ENTRY,
  eventLineText,
  sha256Hex,
} from './audit-export.format';
import { auditIndexOf } from './audit-index';
import { layoutDifferences, readAuditZip, UnreadableZip } from './audit-zip';
import { MalformedEventData } from './document-index';

export type FindingArea =
  'zip' | 'signature' | 'certificate' | 'index' | 'event' | 'document' | 'checkpoints';

/** One thing that does not hold, named by where it is: an entry, an event, a document, the signature. */
export interface Finding {
  readonly area: FindingArea;
  readonly subject: string;
  readonly message: string;
}

export interface VerificationReport {
  /** False when the file is not a zip at all: nothing in it could be checked. */
  readonly usable: boolean;
  readonly findings: readonly Finding[];
  /** The certificate that signed the index, for the auditor to compare with the published one. */
  readonly certificate: {
    readonly subject: string;
    readonly fingerprintSha256: string;
    readonly validFrom: string;
    readonly validTo: string;
  } | null;
  readonly signedAt: string | null;
  readonly scope: AuditScope | null;
  readonly counts: {
    readonly events: number;
    readonly streams: number;
    readonly documents: number;
    readonly documentsIncluded: number;
    readonly checkpoints: number;
  };
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const eventLineSchema = z
  .object({
    id: z.string(),
    stream: z.string(),
    type: z.string(),
    schemaVersion: z.number().int(),
    data: z.unknown(),
    metadata: z.record(z.string(), z.unknown()),
    recordedAt: z.string(),
    streamVersion: z.number().int().nonnegative(),
    position: z.number().int(),
    hash: hex64,
  })
  .strict();
const range = { from: z.string().nullable(), to: z.string().nullable() };
/** The few claims of the index that the export's contents cannot restate: everything else is recomputed. */
const claimsSchema = z.object({
  exportedAt: z.string(),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('case'), caseId: z.string(), ...range }),
    z.object({ kind: z.literal('log'), ...range }),
  ]),
  events: z.object({
    lineSha256: z.array(z.string()),
    streams: z.array(z.object({ stream: z.string(), previousHash: hex64 })),
  }),
});
const claimedCertificate = z.object({ seal: z.object({ certificateSha256: hex64 }) });
const checkpointsSchema = z.object({ checkpoints: z.array(z.record(z.string(), z.unknown())) }).strict();

/** Checks an audit export with nothing but its own bytes (docs/ARCHITECTURE.md "Audit export"). */
export async function verifyAuditExport(file: Buffer): Promise<VerificationReport> {
  const findings: Finding[] = [];
  const add = (area: FindingArea, subject: string, message: string) =>
    findings.push({ area, subject, message });
  let entries;
  try {
    entries = await readAuditZip(file);
  } catch (error) {
    if (!(error instanceof UnreadableZip)) throw error;
    add('zip', 'zip structure', `not a readable zip: ${error.message}`);
    return { usable: false, findings, certificate: null, signedAt: null, scope: null, counts: noCounts };
  }
  for (const entry of entries)
    if (entry.problem) add('zip', entry.name, `unreadable entry: ${entry.problem}`);
  for (const difference of await layoutDifferences(file, entries)) add('zip', 'zip structure', difference);
  const byName = new Map(entries.map((entry) => [entry.name, entry.data]));
  if (byName.size !== entries.length) add('zip', 'zip structure', 'an entry name appears more than once');
  for (const name of Object.values(ENTRY)) if (!byName.has(name)) add('zip', name, 'the entry is missing');
  const entry = (name: string) => byName.get(name) ?? Buffer.alloc(0);

  // The seal: its signature over index.json, made with the certificate the export carries.
  let certificate: X509Certificate | undefined;
  try {
    certificate = new X509Certificate(entry(ENTRY.certificate));
  } catch {
    add('certificate', ENTRY.certificate, 'not a readable X.509 certificate');
  }
  if (certificate && certificate.toString() !== entry(ENTRY.certificate).toString('utf8')) {
    add('certificate', ENTRY.certificate, 'is not the PEM form of the certificate it holds');
  }
  const signature = checkDetachedSignature(entry(ENTRY.signature), entry(ENTRY.index));
  if (!signature.valid)
    add(
      'signature',
      ENTRY.signature,
      `the seal's signature over index.json does not hold: ${signature.problem}`,
    );
  const index = canonicalEntry(entry(ENTRY.index), ENTRY.index, 'index', add);
  if (certificate && signature.certificate && !signature.certificate.raw.equals(certificate.raw)) {
    // The signed index names its certificate: whichever of the two it names is the one left alone.
    const named = claimedCertificate.safeParse(index);
    if (named.success && named.data.seal.certificateSha256 === sha256Hex(signature.certificate.raw)) {
      add(
        'certificate',
        ENTRY.certificate,
        `is not the certificate that signed the index (${ENTRY.signature} carries it)`,
      );
    } else {
      add('signature', ENTRY.signature, `was made with a certificate other than ${ENTRY.certificate}`);
    }
  }
  const claims = claimsSchema.safeParse(index);
  if (index !== undefined && !claims.success)
    add('index', ENTRY.index, 'does not state the scope, time and streams of the export');
  const previousHashes = new Map(
    claims.success ? claims.data.events.streams.map((s) => [s.stream, s.previousHash]) : [],
  );

  const events = eventsOf(entry(ENTRY.events), add);
  if (claims.success) {
    // The signed index holds each line's hash, so a changed position (outside the chain) is named too.
    events.forEach((event, i) => {
      const stated = claims.data.events.lineSha256[i];
      if (stated !== undefined && stated !== sha256Hex(eventLineText(event))) {
        add('event', describe(event), 'its line is not the one the signed index lists');
      }
    });
  }
  checkChains(events, previousHashes, claims.success ? claims.data.scope : undefined, add);

  const checkpoints = checkpointsSchema.safeParse(
    canonicalEntry(entry(ENTRY.checkpoints), ENTRY.checkpoints, 'checkpoints', add),
  );
  if (byName.has(ENTRY.checkpoints) && !checkpoints.success)
    add('checkpoints', ENTRY.checkpoints, 'is not a list of checkpoints');

  for (const [name, data] of byName) {
    if (!name.startsWith(DOCUMENTS_FOLDER)) continue;
    const actual = sha256Hex(data);
    if (documentEntry(actual) !== name)
      add('document', name, `its content's SHA-256 is ${actual}, not the hash it is named by`);
  }

  let documents = 0;
  let included: string[] = [];
  if (claims.success) {
    try {
      const expected = auditIndexOf({
        scope: claims.data.scope,
        exportedAt: claims.data.exportedAt,
        certificateSha256: certificate ? sha256Hex(certificate.raw) : '',
        events,
        eventsBytes: entry(ENTRY.events),
        checkpointsBytes: entry(ENTRY.checkpoints),
        checkpointCount: checkpoints.success ? checkpoints.data.checkpoints.length : 0,
        previousHashes,
        included: (hash) => byName.has(documentEntry(hash)),
      });
      for (const [path, stated, actual] of differences(index, JSON.parse(canonicalJson(expected)), '')) {
        add('index', `index.json ${path}`, `states ${stated}; the export's contents give ${actual}`);
      }
      documents = expected.indice.documentosIndizados.length;
      included = expected.indice.documentosIndizados
        .filter((d) => d.incluido)
        .map((d) => documentEntry(d.valorHuella));
    } catch (error) {
      // Only an event whose hash no longer holds can have data of the wrong shape; it is named above.
      if (error instanceof MalformedEventData) add('event', describe(error.event), error.message);
      else
        add(
          'index',
          ENTRY.index,
          `cannot be restated from the events: ${error instanceof Error ? error.message : String(error)}`,
        );
    }
  }
  const order = [...Object.values(ENTRY), ...included];
  const names = entries.map((e) => e.name);
  for (const name of names)
    if (!order.includes(name)) add('zip', name, 'an entry the index does not account for');
  if (
    names.filter((n) => order.includes(n)).join('\n') !== order.filter((n) => names.includes(n)).join('\n')
  ) {
    add('zip', 'zip structure', `the entries are not in their order (${order.join(', ')})`);
  }

  return {
    usable: true,
    findings,
    certificate: certificate
      ? {
          subject: certificate.subject,
          fingerprintSha256: certificate.fingerprint256,
          validFrom: certificate.validFrom,
          validTo: certificate.validTo,
        }
      : null,
    signedAt: signature.signedAt ?? null,
    scope: claims.success ? claims.data.scope : null,
    counts: {
      events: events.length,
      streams: new Set(events.map((e) => e.stream)).size,
      documents,
      documentsIncluded: included.length,
      checkpoints: checkpoints.success ? checkpoints.data.checkpoints.length : 0,
    },
  };
}

const noCounts = { events: 0, streams: 0, documents: 0, documentsIncluded: 0, checkpoints: 0 };

const describe = (event: Pick<StoredEvent, 'id' | 'stream' | 'streamVersion'>) =>
  `event ${event.id} (${event.stream} version ${event.streamVersion})`;

type Add = (area: FindingArea, subject: string, message: string) => void;

/** A JSON entry, which must be exactly its RFC 8785 form. */
function canonicalEntry(bytes: Buffer, name: string, area: FindingArea, add: Add): unknown {
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    add(area, name, 'is not valid JSON');
    return undefined;
  }
  if (canonicalJson(value) !== text || !Buffer.from(text, 'utf8').equals(bytes)) {
    add(area, name, 'is not in RFC 8785 canonical form');
  }
  return value;
}

/** events.jsonl, line by line: each line the canonical JSON of one full envelope, in log order. */
function eventsOf(bytes: Buffer, add: Add): StoredEvent[] {
  const lines = bytes.toString('utf8').split('\n');
  if (lines.pop() !== '') add('event', ENTRY.events, 'does not end with a line feed');
  const events: StoredEvent[] = [];
  lines.forEach((line, i) => {
    const where = `${ENTRY.events} line ${i + 1}`;
    const parsed = eventLineSchema.safeParse(canonicalEntry(Buffer.from(line, 'utf8'), where, 'event', add));
    if (!parsed.success) return add('event', where, 'is not a stored event envelope');
    const { recordedAt, ...rest } = parsed.data;
    const event: StoredEvent = { ...rest, metadata: rest.metadata, recordedAt: new Date(recordedAt) };
    if (Number.isNaN(event.recordedAt.getTime()) || event.recordedAt.toISOString() !== recordedAt) {
      return add(
        'event',
        describe(event),
        `its recorded time ${JSON.stringify(recordedAt)} is not an ISO instant`,
      );
    }
    const previous = events[events.length - 1];
    if (previous && event.position <= previous.position) {
      add(
        'event',
        describe(event),
        `position ${event.position} does not follow ${previous.position}: not in log order`,
      );
    }
    events.push(event);
  });
  return events;
}

/** Every event's hash recomputed, each stream's versions contiguous from where its stretch is anchored. */
function checkChains(
  events: readonly StoredEvent[],
  previousHashes: ReadonlyMap<string, string>,
  scope: AuditScope | undefined,
  add: Add,
): void {
  const heads = new Map<string, { hash: string; version: number }>();
  const wholeStreams = scope !== undefined && scope.from === null && scope.to === null;
  for (const event of events) {
    const head = heads.get(event.stream);
    const previous = head?.hash ?? previousHashes.get(event.stream) ?? GENESIS_HASH;
    if (head && event.streamVersion !== head.version + 1) {
      add(
        'event',
        describe(event),
        `does not follow version ${head.version} of its stream: the chain has a gap`,
      );
    }
    if (!head && wholeStreams && (event.streamVersion !== 0 || previous !== GENESIS_HASH)) {
      add(
        'event',
        describe(event),
        'the export covers whole streams, but this one does not start at its first event',
      );
    }
    const recomputed = eventHash(previous, event);
    if (recomputed !== event.hash) {
      add(
        'event',
        describe(event),
        `its hash ${event.hash} does not match its content chained onto ${previous} (recomputed ${recomputed})`,
      );
    }
    heads.set(event.stream, { hash: event.hash, version: event.streamVersion });
  }
}

/** Where two JSON values differ, as (path, stated, expected), at most 20. */
function differences(
  stated: unknown,
  expected: unknown,
  path: string,
  found: [string, string, string][] = [],
): [string, string, string][] {
  if (found.length >= 20) return found;
  if (isObject(stated) && isObject(expected)) {
    for (const key of new Set([...Object.keys(stated), ...Object.keys(expected)])) {
      differences(stated[key], expected[key], path ? `${path}.${key}` : key, found);
    }
  } else if (Array.isArray(stated) && Array.isArray(expected)) {
    for (let i = 0; i < Math.max(stated.length, expected.length); i++)
      differences(stated[i], expected[i], `${path}[${i}]`, found);
  } else if (
    canonicalJson(stated ?? null) !== canonicalJson(expected ?? null) ||
    (stated === undefined) !== (expected === undefined)
  ) {
    found.push([path || '(the whole index)', brief(stated), brief(expected)]);
  }
  return found;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const brief = (value: unknown): string => {
  const text = value === undefined ? 'nothing' : canonicalJson(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};
