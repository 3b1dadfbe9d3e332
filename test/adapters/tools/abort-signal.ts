// A real AbortSignal whose `aborted` turns true after a given number of checks, so a test
// can abort a tool part-way through its work without timing games.
export type CountingSignal = { readonly signal: AbortSignal; checks(): number };

/** Reports not-aborted for the first `checksBeforeAbort` reads of `aborted`, then aborted. */
export function signalAbortingAfter(checksBeforeAbort: number): CountingSignal {
  let checks = 0;
  const real = new AbortController().signal;
  const signal = new Proxy(real, {
    get(target, property) {
      if (property === 'aborted') {
        checks += 1;
        return checks > checksBeforeAbort;
      }
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Methods such as addEventListener must run on the real signal, not the proxy.
      return (...args: unknown[]): unknown => Reflect.apply(value, target, args);
    },
  });
  return { signal, checks: () => checks };
}
