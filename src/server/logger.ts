import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';
import { AppConfig } from '../config';

/**
 * The process's one logger: JSON lines (one per request, one per background move), or readable
 * lines with LOG_FORMAT=pretty for a person watching a development server. Tokens and signatures
 * are redacted wherever they appear.
 */
export function createLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, stream?: NodeJS.WritableStream): Logger {
  const options = { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers["x-bwp-signature"]'] };
  const destination = stream ?? process.stdout;
  if (config.logFormat === 'pretty') {
    return pino(options, pretty({ destination, colorize: !stream && process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', sync: true }));
  }
  return stream ? pino(options, stream) : pino(options);
}
