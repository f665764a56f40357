import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import type { DestinationStream, LevelWithSilent } from 'pino';
import pinoPretty from 'pino-pretty';
import { requestIdOf } from './correlation';
import { redactUrl } from './redact-url';

export interface LoggingSettings {
  readonly level: LevelWithSilent;
  readonly nodeEnv: string;
  /** Where the lines go; stdout when absent. */
  readonly destination?: DestinationStream;
}

/** Headers worth a log line. Others may carry tokens, cookies or a Referer full of identifiers. */
const REQUEST_HEADERS = ['host', 'user-agent', 'accept', 'content-type', 'content-length'];
const RESPONSE_HEADERS = ['content-type', 'content-length'];

const pick = (headers: Record<string, unknown> | undefined, names: readonly string[]) =>
  Object.fromEntries(names.filter((name) => headers?.[name] !== undefined).map((n) => [n, headers![n]]));

interface SerializedRequest {
  id: unknown;
  method: string;
  url: string;
  headers: Record<string, unknown>;
  remoteAddress?: string;
}
interface SerializedResponse {
  statusCode: number;
  headers: Record<string, unknown>;
}

/**
 * nestjs-pino's settings for every app. A request's lines carry its correlation id and a
 * redacted URL; bodies, query values and most headers are never logged.
 */
export function loggerParams(settings: LoggingSettings): Params {
  const options: Options = {
    level: settings.level,
    genReqId: (req, res) => requestIdOf(req, res),
    customProps: (req: IncomingMessage) => ({ correlationId: req.id }),
    serializers: {
      req: (req: SerializedRequest) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        headers: pick(req.headers, REQUEST_HEADERS),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: SerializedResponse) => ({
        statusCode: res.statusCode,
        headers: pick(res.headers, RESPONSE_HEADERS),
      }),
    },
  };
  const destination = settings.destination ?? stdoutDestination(settings.nodeEnv, process.stdout);
  return { pinoHttp: destination ? [options, destination] : options };
}

/**
 * A developer at a terminal reads lines, not JSON. Anything else (a file, a collector,
 * production) gets pino's own stdout writer: undefined, one JSON object per line.
 */
export function stdoutDestination(
  nodeEnv: string,
  stdout: NodeJS.WritableStream & { isTTY?: boolean },
): DestinationStream | undefined {
  if (!stdout.isTTY || nodeEnv === 'production') return undefined;
  return pinoPretty({
    destination: stdout,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat:
      '{if context}[{context}] {end}{msg}{if res.statusCode} {req.method} {req.url} {res.statusCode} {responseTime} ms{end}',
  });
}
