// The pause between two whole-file rewrites of the catalog. lowdb rewrites all of catalog.json at
// each write (a JSON.stringify of every row on the event loop); a 1,000-agent workflow run changes
// rows ~50 times a second, so back-to-back rewrites filled the loop with multi-ms tasks that keys
// waited behind (issue 17). Changes made during the gap become one write after it; `cut` ends the
// gap at once (flush, close), so nothing waits on it at quit.

/** One pause: resolves after the gap or as soon as `cut` is called. */
export type WriteGap = { readonly done: Promise<void>; cut(): void };

/** Starts pauses between catalog writes. */
export type WriteGaps = () => WriteGap;

/** The catalog's default gap between writes. Journals stay the truth meanwhile (catalog.ts). */
export const CATALOG_WRITE_GAP_MS = 500;

/** Pauses of `ms` on a timer; why: coalesce a stream of row changes into a few writes a second. */
export function timedWriteGaps(ms: number = CATALOG_WRITE_GAP_MS): WriteGaps {
  return () => {
    let end = (): void => undefined;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      end = (): void => {
        clearTimeout(timer);
        resolve();
      };
    });
    return { done, cut: () => end() };
  };
}
