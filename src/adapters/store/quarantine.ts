// Keeps a copy of a file found corrupt, so reporting the problem never loses what was there.
import fs from 'node:fs';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { DIR_MODE } from './store-modes.js';

/** Copies `source` to `folder/<stem>-<timestamp><extension>` without overwriting any earlier copy. */
export function keepCopy(source: string, folder: string, stem: string, extension: string): Result<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  try {
    fs.mkdirSync(folder, { recursive: true, mode: DIR_MODE });
    for (let attempt = 1; attempt <= 100; attempt += 1) {
      const suffix = attempt === 1 ? '' : `-${attempt}`;
      const copy = path.join(folder, `${stem}-${stamp}${suffix}${extension}`);
      try {
        fs.copyFileSync(source, copy, fs.constants.COPYFILE_EXCL);
        return ok(copy);
      } catch (thrown) {
        if (!(thrown instanceof Error && 'code' in thrown && thrown.code === 'EEXIST')) throw thrown;
      }
    }
    return err(`${folder}: too many copies of ${stem} made at ${stamp}`);
  } catch (thrown) {
    return err(messageOf(thrown));
  }
}

/** An earlier copy of `source` in `folder` (same stem and extension, same bytes), if one exists. */
function identicalCopy(source: string, folder: string, stem: string, extension: string): string | undefined {
  try {
    const size = fs.statSync(source).size;
    const candidates = fs
      .readdirSync(folder)
      .filter((name) => name.startsWith(`${stem}-`) && name.endsWith(extension))
      .map((name) => path.join(folder, name))
      .filter((candidate) => fs.statSync(candidate).size === size);
    if (candidates.length === 0) return undefined;
    const bytes = fs.readFileSync(source);
    return candidates.find((candidate) => fs.readFileSync(candidate).equals(bytes));
  } catch {
    return undefined; // no folder yet, or a file vanished: make a fresh copy
  }
}

/**
 * Like `keepCopy`, but a file that is still exactly as an earlier copy kept it is not copied
 * again: a corrupt journal is met at every start, and the quarantine must not grow each time.
 */
export function keepCopyOnce(source: string, folder: string, stem: string, extension: string): Result<string> {
  const earlier = identicalCopy(source, folder, stem, extension);
  return earlier === undefined ? keepCopy(source, folder, stem, extension) : ok(earlier);
}

/** Where a journal lives and where copies of it go when it is found corrupt. */
export type JournalLocation = { file: string; sessionId: string; quarantine: string };

/**
 * Keeps a copy of a corrupt journal and says so in the one form every load problem takes
 * (DESIGN.md §3): `PATH:LINE: problem (copy kept at PATH2)`, or `PATH: problem (…)` without a line.
 */
export function reportCorruptJournal(where: JournalLocation, line: number | undefined, problem: string): string {
  const copy = keepCopyOnce(where.file, where.quarantine, where.sessionId, '.jsonl');
  const kept = copy.ok ? `copy kept at ${copy.value}` : `could not keep a copy: ${copy.error}`;
  const at = line === undefined ? where.file : `${where.file}:${line}`;
  return `${at}: ${problem} (${kept})`;
}
