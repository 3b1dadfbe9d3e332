// Is dist/ current? The build writes dist/.built: the sources it bundled (every folder and file
// under src/) and the file-system time at which it began. bin/agentmux.js then asks with one read
// and one stat per listed path — no directory walk, no path joins — because this check runs
// before every cold start (DESIGN.md §6): walking src/ cost ~25 ms of CPU, the list ~7.
// A folder's mtime changes when a file in it is added, removed or renamed (git checkout, editors
// that save by rename); a file's when it is written in place. Either after the build began → stale.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const STAMP_VERSION = 1;

/** Where the stamp of the build of the package at `root` lives. */
export function stampPath(root) {
  return join(root, 'dist', '.built');
}

function listSources(dir, dirs, files) {
  dirs.push(dir);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listSources(path, dirs, files);
    else files.push(path);
  }
}

/** The file-system clock now (its mtime granularity, not Date.now()'s): call before bundling. */
export function fileSystemNow(root) {
  const probe = join(root, 'dist', '.build-started');
  writeFileSync(probe, '');
  return statSync(probe).mtimeMs;
}

/** Records that the build of `root` that began at `startedMs` (fileSystemNow) bundled src/ as it is now. */
export function writeBuildStamp(root, startedMs) {
  const src = join(root, 'src');
  const dirs = [];
  const files = [];
  listSources(src, dirs, files);
  const rel = (path) => relative(root, path);
  writeFileSync(stampPath(root), JSON.stringify({ version: STAMP_VERSION, startedMs, dirs: dirs.map(rel), files: files.map(rel) }));
}

function parseStamp(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || value.version !== STAMP_VERSION) return undefined;
  const { startedMs, dirs, files } = value;
  const paths = (list) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  if (typeof startedMs !== 'number' || !paths(dirs) || !paths(files)) return undefined;
  return { startedMs, dirs, files };
}

function changedSince(root, paths, startedMs) {
  for (const path of paths) {
    const stat = statSync(`${root}/${path}`, { throwIfNoEntry: false });
    // Gone (a listed file deleted, a folder renamed) or written since the build began.
    if (stat === undefined || stat.mtimeMs >= startedMs) return true;
  }
  return false;
}

/** True when dist/ of `root` was built from src/ as it is now; false when anything says otherwise (no stamp, a bad stamp, a change). */
export function distIsCurrent(root, entry) {
  if (!statSync(entry, { throwIfNoEntry: false })) return false;
  let text;
  try {
    text = readFileSync(stampPath(root), 'utf8');
  } catch {
    return false;
  }
  const stamp = parseStamp(text);
  if (stamp === undefined) return false;
  // Folders first (17 stats): a new, deleted or renamed file shows there.
  return !changedSince(root, stamp.dirs, stamp.startedMs) && !changedSince(root, stamp.files, stamp.startedMs);
}
