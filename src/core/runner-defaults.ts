// The controller's defaults for what tests replace: entry ids and the retry back-off's sleep.

/** Short random ids: unique enough within a store, short enough to read in a journal. */
export function randomEntryId(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

/** Delivery ids: short, random, so a script's id never matches another cockpit run's. */
export function randomDeliveryId(): string {
  return `m${globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`;
}

/** Resolves after `ms`, or early with false when `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
