// SIGTERM, SIGINT and SIGHUP quit the cockpit the way `q` does. The listeners go on before the
// screen opens (reviewer finding 5): a signal while the panes were still loading found none and
// killed agentmux by default, leaving the terminal in the alternate screen and the store's lock
// behind. They stay until the very end of the shutdown: a closed terminal sends SIGHUP more than
// once (the kernel, then the emulator), and a repeat finding no listener would kill it halfway.
import type { Disposable } from '../core/events.js';

/** The process, as far as quitting on a signal needs it. */
export type SignalSource = {
  on(signal: NodeJS.Signals, listener: () => void): unknown;
  off(signal: NodeJS.Signals, listener: () => void): unknown;
};

/** The quit request: a signal, a lost terminal or the person's `q` settle `requested` once. */
export type QuitRequest = Disposable & {
  /** Resolves at the first request. */
  readonly requested: Promise<void>;
  /** Asks to quit (the app's `q`, a lost terminal). */
  request(): void;
  /** True once asked. */
  quitting(): boolean;
  /** True when SIGHUP came: the terminal is gone (DESIGN.md §3's lost-terminal release). */
  hungUp(): boolean;
};

/** Listens for SIGTERM, SIGINT and SIGHUP at once; `dispose` removes the listeners (call it last). */
export function listenForQuit(source: SignalSource): QuitRequest {
  let asked = false;
  let hungUp = false;
  let resolve = (): void => undefined;
  const requested = new Promise<void>((settle) => (resolve = settle));
  const request = (): void => {
    asked = true;
    resolve();
  };
  const onHangup = (): void => {
    hungUp = true;
    request();
  };
  source.on('SIGTERM', request);
  source.on('SIGINT', request); // `kill -INT` (raw mode keeps C-c a key): a clean quit too
  source.on('SIGHUP', onHangup);
  return {
    requested,
    request,
    quitting: () => asked,
    hungUp: () => hungUp,
    dispose: () => {
      source.off('SIGTERM', request);
      source.off('SIGINT', request);
      source.off('SIGHUP', onHangup);
    },
  };
}
