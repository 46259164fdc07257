import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One line per request when it ends: id, method, path, status and time taken — never bodies,
 * query strings (chat tokens travel in `?token=`) or headers with credentials. The client's
 * address and user agent are personal data, logged only with `clientIp` (LOG_CLIENT_IP=true). Written with plain objects straight to the logger: pino-http's per-request child
 * logger and serializer chain cost more than the chat turn's own bookkeeping.
 */
export function requestLog(logger: Logger, options: { clientIp: boolean } = { clientIp: false }): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const id = randomUUID();
    res.setHeader('X-Request-Id', id);
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      res.off('finish', done);
      res.off('close', done);
      const status = res.statusCode;
      const level = !res.writableFinished || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: summary(req, id, options.clientIp),
          res: { statusCode: status },
          responseTime: Math.round(performance.now() - started),
        },
        res.writableFinished ? 'request completed' : 'request aborted',
      );
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}

function summary(req: Request, id: string, clientIp: boolean) {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const line = { id, method: req.method, path: q === -1 ? url : url.slice(0, q) };
  return clientIp ? { ...line, userAgent: req.headers['user-agent'], remoteAddress: req.socket.remoteAddress } : line;
}
