import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The station's technical log. It receives event codes and counts only: never a payload, a file name, a PIN or
 * anything an usager typed. Keeping the fields to numbers, booleans and short codes makes that hard to get wrong.
 */
export type LogFields = Record<string, number | boolean | string | undefined>;
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const CODE = /^[a-z0-9_.:-]{1,64}$/i;

function clean(fields: LogFields = {}): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    // Strings must look like codes: anything else (a name, a path, a number typed by someone) is dropped.
    if (typeof value === 'string' && !CODE.test(value)) continue;
    out[key] = value;
  }
  return out;
}

export function createFileLogger(dataDir: string, echo = process.env.POINT_NUMERIQUE_LOG_STDERR === '1'): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'station.log');
  const write = (level: string, event: string, fields?: LogFields) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...clean(fields) });
    try {
      appendFileSync(file, line + '\n');
    } catch {
      // A full disk must not break the counter's work: the log is best effort.
    }
    if (echo) process.stderr.write(line + '\n');
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
