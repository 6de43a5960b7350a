// A tiny levelled logger. The sandbox is a developer tool: lines are short, human-readable and go
// to stderr so that stdout carries only the start-up banner and CLI output that scripts may parse.
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  enabled(level: LogLevel): boolean;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const emit = (at: LogLevel, message: string) => {
    if (LOG_LEVELS.indexOf(at) <= rank) write(`[smart-sandbox] ${at}: ${message}\n`);
  };
  return {
    error: (m) => emit('error', m),
    warn: (m) => emit('warn', m),
    info: (m) => emit('info', m),
    debug: (m) => emit('debug', m),
    enabled: (at) => LOG_LEVELS.indexOf(at) <= rank && at !== 'silent',
  };
}
