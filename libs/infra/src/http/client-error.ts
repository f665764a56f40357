import type { Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { problem, PROBLEM_CONTENT_TYPE } from './problem-details';

/**
 * Requests Node's HTTP parser refuses before Nest sees them (a URL or headers over its limit,
 * a malformed request line) get the same problem+json as every other refusal, instead of
 * Node's bare "431" or "400" with no body.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, detail] = refusalOf(error.code);
    const body = JSON.stringify(problem(status, code, STATUS_CODES[status] ?? 'Bad request', detail));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

function refusalOf(code: string | undefined): [number, string, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        'REQUEST_HEADERS_TOO_LARGE',
        'The request line or headers are too large (a URL of more than about 16 kB?).',
      ];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive; send it again.'];
    default:
      return [400, 'MALFORMED_REQUEST', 'The HTTP request could not be read.'];
  }
}
