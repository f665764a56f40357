import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { verifyAuditExport, FindingArea } from '@expediente/infra/audit-export/verify-audit-export';
import { eventually } from '../support/async';
import { eventsOf } from '../support/cases';
import { ApiClient, pdfBytes } from '../support/client';
import { RunningSystem, startSystem } from '../support/system';
import { verifyDetachedCms } from '../support/verify-cms';
import { readZip } from '../support/zip';

type Inbox = { items: { notificationId: string; caseId: string }[] };

const script = (name: string) => join(process.cwd(), `dist/scripts/${name}.js`);

/** The built verifier in a child process with nothing but PATH: no database, no configuration. */
const verifyOffline = (file: string, ...args: string[]) =>
  spawnSync(process.execPath, [script('verify-export'), file, ...args], {
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });

/**
 * A case filed, informed, resolved, notified and closed, then exported for audit through the
 * API and the CLI; the export verifies offline, its hashes recompute with canonicalize and
 * node:crypto alone, and one changed byte anywhere in it is found and named.
 */
describe('the signed audit export of a case', () => {
  let system: RunningSystem;
  let dir: string;
  let caseId: string;
  let exported: Buffer;

  beforeAll(async () => {
    system = await startSystem();
    dir = await mkdtemp(join(tmpdir(), 'audit-export-'));
    caseId = await resolvedAndClosedCase(system);
  }, 180_000);
  afterAll(async () => {
    await system?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is for auditors only, and answers an unknown case with 404', async () => {
    const auditor = await ApiClient.login(system.api, {
      subject: '70123456K',
      name: 'Auditora',
      roles: ['auditor'],
      levelOfAssurance: 'certificate',
    });
    const citizen = await ApiClient.login(system.api, {
      subject: '34567890V',
      name: 'Lucía Martín Gil',
      levelOfAssurance: 'certificate',
    });
    const refused = await citizen.request('GET', `/audit/cases/${caseId}/export`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    const unknown = await auditor.request('GET', '/audit/cases/3f6c2a9e-8d41-4b7a-9c0e-5a1d2b3c4d5e/export');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect((await auditor.request('GET', `/audit/cases/${caseId}/export?from=yesterday`)).status).toBe(400);

    const reply = await auditor.request<Buffer>('GET', `/audit/cases/${caseId}/export?withDocuments=true`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('application/zip');
    expect(reply.headers.get('content-disposition')).toContain(`expediente-${caseId}-`);
    exported = reply.body;
  });

  it('holds every stream of the case, every document, and verifies offline with the seal fingerprint', async () => {
    const file = join(dir, 'api.zip');
    await writeFile(file, exported);
    const run = verifyOffline(file, '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      verified: boolean;
      certificate: { fingerprintSha256: string };
      counts: Record<string, number>;
    };
    const seal = new X509Certificate(await readFile(join(system.env.DATA_DIR!, 'seal', 'seal.cert.pem')));
    expect(report).toMatchObject({ verified: true, certificate: { fingerprintSha256: seal.fingerprint256 } });

    const entries = await readZip(exported);
    const index = JSON.parse(entries.get('index.json')!.toString('utf8')) as {
      events: { streams: { stream: string; role: string }[] };
      expediente: { organo: { codigo: string }; estado: { codigo: string }; clasificacion: string };
      indice: {
        documentosIndizados: { valorHuella: string; tipo: string; ordenDocumentoExpediente: number }[];
      };
    };
    expect(index.events.streams.map((s) => s.role).sort()).toEqual(
      expect.arrayContaining(['alert', 'filing', 'notification', 'paper-post', 'receipt', 'review']),
    );
    expect(index.expediente).toMatchObject({
      organo: { codigo: 'INSS-28' },
      estado: { codigo: 'E02' },
      clasificacion: 'medical-report-submission',
    });
    const kinds = index.indice.documentosIndizados.map((d) => d.tipo);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'medical-report',
        'receipt',
        'receipt-signature',
        'resolution',
        'resolution-signature',
      ]),
    );
    expect(index.indice.documentosIndizados.map((d) => d.ordenDocumentoExpediente)).toEqual(
      kinds.map((_, i) => i + 1),
    );
    expect(report.counts.documentsIncluded).toBe(kinds.length);

    const human = verifyOffline(file);
    expect(human.stdout).toContain('VERIFIED');
    expect(human.stdout).toContain(seal.fingerprint256);
  });

  it('lets anyone recompute its hashes with canonicalize and node:crypto alone', async () => {
    const entries = await readZip(exported);
    const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
    const indexText = entries.get('index.json')!.toString('utf8');
    expect(canonicalize(JSON.parse(indexText))).toBe(indexText);
    expect(verifyDetachedCms(entries.get('index.json.p7s')!, entries.get('index.json')!).valid).toBe(true);
    const index = JSON.parse(indexText) as {
      events: { sha256: string };
      indice: { documentosIndizados: { valorHuella: string }[] };
    };
    expect(sha256(entries.get('events.jsonl')!)).toBe(index.events.sha256);

    const heads = new Map<string, string>();
    const lines = entries.get('events.jsonl')!.toString('utf8').trimEnd().split('\n');
    for (const line of lines) {
      const {
        position: _position,
        hash,
        ...fields
      } = JSON.parse(line) as Record<string, unknown> & { stream: string; hash: string };
      const previous = heads.get(fields.stream) ?? '0'.repeat(64);
      expect(sha256(previous + canonicalize(fields)!)).toBe(hash);
      heads.set(fields.stream, hash);
    }
    expect(heads.size).toBeGreaterThanOrEqual(6);
    for (const { valorHuella } of index.indice.documentosIndizados) {
      expect(sha256(entries.get(`documents/${valorHuella}`)!)).toBe(valorHuella);
    }
  });

  it('is the same export from the CLI, on the same storage and seal', async () => {
    const file = join(dir, 'cli.zip');
    const run = spawnSync(process.execPath, [script('audit-export'), '--case', caseId, '--out', file], {
      env: { ...process.env, ...system.env, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const verified = verifyOffline(file);
    expect(verified.stdout).toContain('VERIFIED');
    expect(verified.status).toBe(0);
    const cli = await readZip(await readFile(file));
    const api = await readZip(exported);
    expect(cli.get('events.jsonl')).toEqual(api.get('events.jsonl'));
    expect([...cli.keys()].some((name) => name.startsWith('documents/'))).toBe(false);

    // A time range of the log: every stream with events in it, from its first such event.
    const range = join(dir, 'range.zip');
    const from = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const log = spawnSync(process.execPath, [script('audit-export'), '--from', from, '--out', range], {
      env: { ...process.env, ...system.env, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(log.stderr).toBe('');
    const checked = verifyOffline(range, '--json');
    expect(JSON.parse(checked.stdout)).toMatchObject({ verified: true, scope: { kind: 'log', from } });
    expect(checked.status).toBe(0);
  });

  it('fails on one changed byte anywhere in the file, naming what changed', async () => {
    const regions = await regionsOf(exported);
    const positions = new Map<number, FindingArea>();
    // Every region (each entry's header and content, the central directory, the end record)...
    for (const region of regions) {
      for (const at of [region.start, Math.floor((region.start + region.end) / 2), region.end - 1])
        positions.set(at, region.area);
    }
    // ...and a sample across the whole file.
    for (let at = 0; at < exported.length; at += Math.max(1, Math.floor(exported.length / 60))) {
      positions.set(at, regions.find((r) => at >= r.start && at < r.end)!.area);
    }
    for (const [at, area] of positions) {
      const changed = Buffer.from(exported);
      changed[at] = changed[at]! ^ 0x01;
      const report = await verifyAuditExport(changed);
      const areas = new Set(report.findings.map((f) => f.area));
      if (!areas.has(area))
        throw new Error(`byte ${at} (${area}): findings ${JSON.stringify(report.findings)}`);
    }
    expect(positions.size).toBeGreaterThan(60);

    // The script says so too, in words, and exits 1.
    const event = regions.find((r) => r.name === 'events.jsonl')!;
    const changed = Buffer.from(exported);
    const at = changed.indexOf('"caseId"', event.start) + 2;
    changed[at] = changed[at]! ^ 0x01;
    const file = join(dir, 'changed.zip');
    await writeFile(file, changed);
    const run = verifyOffline(file);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\[event\] event [0-9a-f-]{36} \(\S+ version \d+\): its hash/);
    expect(run.stdout).toContain('[zip] zip structure: local header of events.jsonl differs');

    await writeFile(file, Buffer.from('not a zip'));
    expect(verifyOffline(file).status).toBe(2);
  });
});

/** Where each byte of the zip belongs, and the finding a change there must give. */
async function regionsOf(
  zip: Buffer,
): Promise<{ name: string; area: FindingArea; start: number; end: number }[]> {
  const entries = await readZip(zip);
  const areaOf = (name: string): FindingArea =>
    name === 'index.json' || name === 'index.json.p7s'
      ? 'signature'
      : name === 'seal.cert.pem'
        ? 'certificate'
        : name === 'events.jsonl'
          ? 'event'
          : name === 'checkpoints.json'
            ? 'checkpoints'
            : 'document';
  const regions: { name: string; area: FindingArea; start: number; end: number }[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const header = 30 + Buffer.byteLength(name);
    regions.push({ name: `header ${name}`, area: 'zip', start: offset, end: offset + header });
    regions.push({ name, area: areaOf(name), start: offset + header, end: offset + header + data.length });
    offset += header + data.length;
  }
  regions.push({ name: 'central directory', area: 'zip', start: offset, end: zip.length });
  return regions;
}

/** Filed by a citizen (Cl@ve permanente), informed, evaluated, resolved, notified, accepted, closed. */
async function resolvedAndClosedCase(system: RunningSystem): Promise<string> {
  const citizen = await ApiClient.login(system.api, {
    subject: '34567890V',
    name: 'Lucía Martín Gil',
    levelOfAssurance: 'clave-permanente',
    mobile: '+34600000003',
  });
  const staff = (subject: string, role: string) =>
    ApiClient.login(system.api, {
      subject,
      name: role,
      roles: [role],
      levelOfAssurance: 'certificate',
      unit: 'INSS-28',
    });
  const supervisor = await staff('50123456Q', 'supervisor');
  const reviewer = await staff('50234567Z', 'reviewer');

  const { caseId } = (
    await citizen.request<{ caseId: string }>('POST', '/filings/medical-reports', {
      subject: '34567890V',
      benefitRequestRef: 'IT-2026-007001',
      provinceCode: '28',
    })
  ).body;
  const filing = `/filings/medical-reports/${caseId}`;
  await citizen.upload(`${filing}/attachments`, {
    name: 'informe.pdf',
    bytes: pdfBytes('informe'),
    kind: 'medical-report',
  });
  await citizen.request('POST', `${filing}/signing-code`);
  const submitted = await citizen.request(
    'POST',
    `${filing}/submission`,
    { signingCode: await citizen.lastSmsCode() },
    { 'idempotency-key': `audit-${caseId}` },
  );
  expect(submitted.status).toBe(201);

  const review = `/reviews/${caseId}`;
  const opened = await supervisor.until(review, (r) => r.status === 200, 'the review to open');
  await supervisor.request(
    'POST',
    `${review}/assignment`,
    { reviewerId: '50234567Z' },
    { 'if-match': opened.headers.get('etag')! },
  );
  await reviewer.request('POST', `${review}/information-requests`, {
    requested: 'Aporte el informe de neurología.',
  });
  const doc = await citizen.upload(`${review}/information/documents`, {
    name: 'neurologia.pdf',
    bytes: pdfBytes('neurología'),
  });
  const blobHash = (doc.body as { document: { blobHash: string } }).document.blobHash;
  await citizen.request('POST', `${review}/information/signing-code`);
  const provided = await citizen.request('POST', `${review}/information`, {
    statement: 'Adjunto el informe.',
    documents: [blobHash],
    signingCode: await citizen.lastSmsCode(),
  });
  expect(provided.status).toBe(201);
  await reviewer.request('POST', `${review}/evaluation`, {
    findings: 'Los informes acreditan la situación.',
  });
  const current = await reviewer.request('GET', review);
  const resolved = await reviewer.request(
    'POST',
    `${review}/resolution`,
    { outcome: 'granted', grounds: 'Se acredita la situación clínica.', legalBasis: 'Artículo 193 LGSS.' },
    { 'if-match': current.headers.get('etag')! },
  );
  expect(resolved.status).toBe(200);

  const inbox = await citizen.until<Inbox>(
    '/me/notifications',
    (r) => r.body.items?.some((n) => n.caseId === caseId),
    'the notification',
  );
  const { notificationId } = inbox.body.items.find((n) => n.caseId === caseId)!;
  await citizen.request('POST', `/notifications/${notificationId}/access`);
  await citizen.request('POST', `/notifications/${notificationId}/signing-code`);
  await citizen.request('POST', `/notifications/${notificationId}/acceptance`, {
    signingCode: await citizen.lastSmsCode(),
  });
  await eventually(
    async () => (await eventsOf(system, `review-${caseId}`)).some((e) => e.type === 'CaseClosed'),
    'the case to close',
  );
  await eventually(async () => (await eventsOf(system, `paper-post-${caseId}`)).length > 0, 'the paper copy');
  await eventually(
    async () => (await eventsOf(system, `receipt-${caseId}`)).length > 0,
    'the proof of receipt',
  );
  return caseId;
}
