// Nothing but the renderer may write to the terminal while the screen is up (DESIGN.md §7):
// console.* and process warnings (the SDK calls console.warn itself) go to the log file.
import { format } from 'node:util';
import { fileLogSink } from './log-sink.js';

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
type Method = (typeof METHODS)[number];
type WarningListener = (warning: Error) => void;

/** Redirects the console and process warnings to `logPath` (append-only) until disposed. */
export function installConsoleGuard(logPath: string): { dispose(): void } {
  const log = fileLogSink(logPath);
  // Descriptors, not method references: dispose puts back exactly what was there.
  const originals = new Map<Method, PropertyDescriptor>();
  for (const method of METHODS) {
    const descriptor = Object.getOwnPropertyDescriptor(console, method);
    if (descriptor !== undefined) originals.set(method, descriptor);
    console[method] = (...args: unknown[]): void => log(`console.${method}: ${format(...args)}`);
  }
  // Node prints warnings to stderr from its own 'warning' listener: set it aside while guarded.
  const warningListeners: WarningListener[] = process.listeners('warning');
  process.removeAllListeners('warning');
  const onWarning: WarningListener = (warning) => log(`process warning: ${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  let disposed = false;
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const [method, descriptor] of originals) Object.defineProperty(console, method, descriptor);
      process.off('warning', onWarning);
      for (const listener of warningListeners) process.on('warning', listener);
    },
  };
}
