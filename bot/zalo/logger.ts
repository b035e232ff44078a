/**
 * The slice of pino's Logger this transport uses, so a pino logger (or a
 * child of one) can be passed as is, and tests can capture calls.
 */
export interface ZaloLogger {
  debug(obj: Record<string, unknown>, msg?: string): void;
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

const noop = (): void => {};

/** Default logger: drops everything. */
export const silentLogger: ZaloLogger = { debug: noop, info: noop, warn: noop, error: noop };
