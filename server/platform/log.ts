import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { loadConfig, type LogLevel } from './config.js';

export type { Logger };

/** The level from the settings; a bad environment is refused at start (main), so here it falls back to info. */
function configuredLevel(): LogLevel {
  try {
    return loadConfig().logLevel;
  } catch {
    return 'info';
  }
}

/**
 * The process's logger: JSON lines (pino) on stdout. Request handlers log
 * through `req.log`, a child carrying the request id; the rest imports this.
 * Quiet under NODE_ENV=test unless LOG_LEVEL asks.
 */
export const logger: Logger = pino({
  level: configuredLevel(),
  base: { service: 'tirta-dispatch' },
  // Staff tokens, cookies and Open311 API keys never reach a log line.
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'req.query.api_key'], censor: '[redacted]' },
});

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming request id we keep: short, printable, no spaces (a proxy's or a client's trace id). */
const saneRequestId = /^[A-Za-z0-9._:/+=-]{1,128}$/;

/** The request's id: the caller's X-Request-Id if sane, else a new UUID; echoed in the response header. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && saneRequestId.test(incoming) ? incoming : crypto.randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** pino-http: one line per request, with its id on every line logged through req.log. */
export function httpLogger(log: Logger = logger): HttpLogger {
  return pinoHttp({
    logger: log,
    genReqId: requestIdOf,
    // Lines logged through req.log carry only the id (reqId); the closing line has the request and response.
    quietReqLogger: true,
    // 5xx are logged by the error handler with the error itself; the request line says how it ended.
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // The health probes run every few seconds; they would drown the rest.
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    serializers: {
      // Secrets that travel in a query: Open311's api_key, Meta's webhook verify token.
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.replace(/([?&](?:api_key|hub\.verify_token)=)[^&]*/g, '$1[redacted]') }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
