import { eventually } from './async';

export interface Login {
  readonly subject: string;
  readonly name: string;
  readonly roles?: string[];
  readonly levelOfAssurance: 'certificate' | 'clave-permanente' | 'clave-movil';
  readonly mobile?: string;
  readonly unit?: string;
}

export interface Reply<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A person using the API over real HTTP, with the development identity provider's token. */
export class ApiClient {
  private constructor(
    readonly base: string,
    private readonly token: string,
    readonly who: Login,
  ) {}

  static async login(base: string, who: Login): Promise<ApiClient> {
    const response = await fetch(`${base}/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['citizen'], ...who }),
    });
    const body = (await response.json()) as { token: string };
    if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(body)}`);
    return new ApiClient(base, body.token, who);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body !== undefined &&
          !isForm &&
          typeof body !== 'string' && { 'content-type': 'application/json' }),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : isForm || typeof body === 'string'
            ? (body as NonNullable<RequestInit['body']>)
            : JSON.stringify(body),
    });
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer());
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async upload(
    path: string,
    file: { name: string; bytes: Buffer; kind?: string; type?: string },
  ): Promise<Reply> {
    const form = new FormData();
    if (file.kind) form.append('kind', file.kind);
    form.append(
      'file',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }),
      file.name,
    );
    return this.request('POST', path, form);
  }

  /** The last signing code the development SMS gateway delivered to this person's mobile. */
  async lastSmsCode(): Promise<string> {
    const response = await fetch(`${this.base}/dev/sms?to=${encodeURIComponent(this.who.mobile ?? '')}`);
    const inbox = (await response.json()) as { messages: { text: string }[] };
    const match = /(\d{6})/.exec(inbox.messages.at(-1)?.text ?? '');
    if (!match?.[1]) throw new Error('no code in the SMS inbox');
    return match[1];
  }

  /** Polls a GET until the check passes (read models are eventually consistent). */
  async until<T = Record<string, unknown>>(
    path: string,
    check: (reply: Reply<T>) => boolean,
    message: string,
  ): Promise<Reply<T>> {
    let last: Reply<T> | undefined;
    await eventually(async () => check((last = await this.request<T>('GET', path))), message);
    return last!;
  }
}

/**
 * A small but real PDF: one empty A4 page, the label in a comment and `padding` spaces, which
 * PDF readers skip (uploads must parse as PDFs). Written by hand so tests can size it exactly.
 */
export function pdfBytes(label: string, padding = 0): Buffer {
  const head = Buffer.concat([
    Buffer.from(`%PDF-1.4\n% ${label}\n`),
    Buffer.alloc(padding, 0x20),
    Buffer.from('\n'),
  ]);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  const offsets: number[] = [];
  let body = '';
  objects.forEach((object, index) => {
    offsets.push(head.length + Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = head.length + Buffer.byteLength(body);
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  const tail = `xref\n0 4\n0000000000 65535 f \n${entries}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([head, Buffer.from(body + tail)]);
}
