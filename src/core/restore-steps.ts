// A file restore (rewind, switch, undo) of thousands of files froze the whole cockpit for 14–17 s
// (issue 9): it ran in one synchronous call. Each restore is written once, as a generator that
// yields after every file it checks or writes, so one driver can run it to the end at once (small
// restores, tests) and another can run it in slices that give the event loop back in between.

/** How far a restore has got: checking the disk against the targets, then writing the files. */
export type RestoreProgress = { readonly phase: 'checking' | 'restoring'; readonly done: number; readonly total: number };

/** A restore as steps: yields progress after each file, returns its outcome. */
export type RestoreSteps<T> = Generator<RestoreProgress, T, void>;

/** Runs steps to the end in one go, for callers that want the answer now. */
export function runToEnd<T>(steps: RestoreSteps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** The words a pane shows for a restore under way: `restoring files 1200/2940`. */
export function progressText(progress: RestoreProgress): string {
  return `${progress.phase} files ${progress.done}/${progress.total}`;
}
