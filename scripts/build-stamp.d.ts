// Types of build-stamp.js (plain JS: bin/agentmux.js and scripts/build.js run without tsx).

/** Where the stamp of the build of the package at `root` lives. */
export function stampPath(root: string): string;
/** The file-system clock now (its mtime granularity): call before bundling. */
export function fileSystemNow(root: string): number;
/** Records that the build of `root` that began at `startedMs` bundled src/ as it is now. */
export function writeBuildStamp(root: string, startedMs: number): void;
/** True when dist/ of `root` was built from src/ as it is now (`entry`: the built cli.js). */
export function distIsCurrent(root: string, entry: string): boolean;
