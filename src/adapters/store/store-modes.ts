// What the store's files and directories are created with (DESIGN.md §5: owner-only): given
// explicitly at every creation, so a permissive umask (000) never makes a journal world-readable.

/** Files the store writes: journals, blobs, the lock, the catalog, small JSON files. */
export const FILE_MODE = 0o600;

/** Directories the store creates. */
export const DIR_MODE = 0o700;
