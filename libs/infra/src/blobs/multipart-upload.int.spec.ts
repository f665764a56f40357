import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, request, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_TOTAL_ATTACHMENT_BYTES } from '@expediente/domain';
import { eventually } from '../../../../test/support/async';
import { pdfBytes } from '../../../../test/support/client';
import { LocalDiskBlobStore } from './blob-store.local';
import { ReceivedUpload, receiveUpload, UploadRefused } from './multipart-upload';

const PDF = pdfBytes('informe');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(512)]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) =>
    statSync(join(dir, path)).isFile(),
  );
}

/** Stands in for the domain's rules, which the API passes as `accept`. */
class KindRefused extends Error {}
const refuseKind = async (upload: ReceivedUpload) => {
  if (upload.kind === 'refused') throw new KindRefused();
};

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

describe('receiveUpload over real HTTP', () => {
  let root: string;
  let server: Server;
  let url: string;
  /** What the server concluded for each request, for clients that hang up before the answer. */
  const outcomes: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'expediente-upload-'));
    const blobs = new LocalDiskBlobStore(root);
    // The same mapping the API's problem filter does: status from the error, code and facts in the body.
    server = createServer((req, res) => {
      receiveUpload(req, blobs, { maxBytes: MAX_TOTAL_ATTACHMENT_BYTES, accept: refuseKind }).then(
        (upload) => {
          outcomes.push('stored');
          send(res, 201, upload);
        },
        (error: unknown) => {
          outcomes.push(error instanceof UploadRefused ? error.code : String(error));
          if (error instanceof UploadRefused)
            send(res, error.status, { code: error.code, facts: error.facts });
          else if (error instanceof KindRefused) send(res, 422, { code: 'KIND_REFUSED' });
          else send(res, 500, { message: String(error) });
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    outcomes.length = 0;
    rmSync(root, { recursive: true, force: true });
    // The store made its temp folder at construction; a fresh one per test keeps "nothing left" exact.
    new LocalDiskBlobStore(root);
  });

  const upload = async (parts: (form: FormData) => void) => {
    const form = new FormData();
    parts(form);
    const response = await fetch(url, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const file =
    (bytes: Buffer, name: string, type = 'application/pdf') =>
    (form: FormData) =>
      form.append('file', new Blob([bytes], { type }), name);

  it('stores a PDF under its sha-256 and reports the type detected from its bytes', async () => {
    const { status, body } = await upload((form) => {
      file(PDF, 'Informe cardiología.pdf', 'application/octet-stream')(form);
      form.append('kind', 'medical-report');
    });

    expect(status).toBe(201);
    expect(body).toEqual({
      blobHash: createHash('sha256').update(PDF).digest('hex'),
      size: PDF.length,
      contentType: 'application/pdf',
      filename: 'Informe cardiología.pdf',
      kind: 'medical-report',
    });
    expect(filesUnder(root)).toHaveLength(1);
  });

  it('refuses a Windows executable named .pdf as UNSUPPORTED_FILE_TYPE and stores nothing', async () => {
    const { status, body } = await upload(file(EXE, 'informe.pdf'));

    expect(status).toBe(415);
    expect(body).toEqual({
      code: 'UNSUPPORTED_FILE_TYPE',
      facts: { declaredName: 'informe.pdf', declaredType: 'application/pdf', detected: 'unknown' },
    });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a document over 10 MB as UPLOAD_TOO_LARGE and leaves no blob or temp file', async () => {
    const oversize = Buffer.concat([PDF, Buffer.alloc(MAX_TOTAL_ATTACHMENT_BYTES + 1 - PDF.length, 0x20)]);

    const { status, body } = await upload(file(oversize, 'escaneo.pdf'));

    expect(status).toBe(413);
    expect(body).toEqual({ code: 'UPLOAD_TOO_LARGE', facts: { limit: MAX_TOTAL_ATTACHMENT_BYTES } });
    expect(filesUnder(root)).toEqual([]);
  });

  it('accepts a document of exactly 10 MB', async () => {
    const exact = Buffer.concat([PDF, Buffer.alloc(MAX_TOTAL_ATTACHMENT_BYTES - PDF.length, 0x20)]);
    const { status, body } = await upload(file(exact, 'escaneo.pdf'));
    expect(status).toBe(201);
    expect(body.size).toBe(MAX_TOTAL_ATTACHMENT_BYTES);
  });

  it('refuses bytes that only start like a PDF as UNREADABLE_DOCUMENT, after streaming them, and keeps no blob', async () => {
    const fake = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(4096, 0x41),
      Buffer.from('\n%%EOF\n'),
    ]);

    const { status, body } = await upload(file(fake, 'informe.pdf'));

    expect(status).toBe(422);
    expect(body).toEqual({
      code: 'UNREADABLE_DOCUMENT',
      facts: { filename: 'informe.pdf', detected: 'application/pdf', reason: 'it does not parse as a PDF' },
    });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a PNG signature with no image header as UNREADABLE_DOCUMENT', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const { status, body } = await upload(file(png, 'foto.png', 'image/png'));
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'UNREADABLE_DOCUMENT', facts: { detected: 'image/png' } });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a kind holding a NUL as UNSAFE_TEXT', async () => {
    const { status, body } = await upload((form) => {
      form.append('kind', 'medical-report\u0000');
      file(PDF, 'informe.pdf')(form);
    });
    expect(status).toBe(422);
    expect(body).toEqual({ code: 'UNSAFE_TEXT', facts: { field: 'kind' } });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses "../../etc/passwd" as UNSAFE_FILENAME instead of quietly keeping "passwd"', async () => {
    const { status, body } = await upload(file(PDF, '../../etc/passwd'));

    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'UNSAFE_FILENAME', facts: { filename: '../../etc/passwd' } });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a second file as TOO_MANY_FILES', async () => {
    const { status, body } = await upload((form) => {
      file(PDF, 'uno.pdf')(form);
      form.append('file', new Blob([PDF]), 'dos.pdf');
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'TOO_MANY_FILES' });
    expect(filesUnder(root)).toEqual([]);
  });

  it('keeps no blob when accept refuses the document, even with the kind sent after the file', async () => {
    const { status, body } = await upload((form) => {
      file(PDF, 'informe.pdf')(form);
      form.append('kind', 'refused');
    });
    expect(status).toBe(422);
    expect(body).toEqual({ code: 'KIND_REFUSED' });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a form without a file as NO_FILE', async () => {
    const { status, body } = await upload((form) => form.append('kind', 'medical-report'));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'NO_FILE' });
  });

  it('refuses a file sent under another field name as NO_FILE', async () => {
    const { status, body } = await upload((form) => form.append('document', new Blob([PDF]), 'informe.pdf'));
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'NO_FILE', facts: { field: 'document' } });
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses a body that is not multipart as NOT_MULTIPART', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file: PDF.toString('base64') }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'NOT_MULTIPART' });
  });

  it('refuses a multipart body cut short as MALFORMED_UPLOAD', async () => {
    const boundary = 'expediente-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'MALFORMED_UPLOAD' });
    expect(filesUnder(root)).toEqual([]);
  });

  it('removes the partial file when the client hangs up midway', async () => {
    const boundary = 'expediente-boundary';
    const client = request(url, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    client.on('error', () => undefined);
    client.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`);
    client.write(Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024, 0x20)]));
    await eventually(() => filesUnder(root).length > 0, 'the upload reached the disk');
    client.destroy();

    await eventually(() => outcomes.length > 0, 'the server gave up on the upload');
    expect(outcomes).toEqual(['MALFORMED_UPLOAD']);
    expect(filesUnder(root)).toEqual([]);
  });
});
