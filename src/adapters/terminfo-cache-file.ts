// The terminfo cache as one JSON file in the store (core/terminfo-cache.ts): an entry per TERM,
// valid while the terminfo file blessed found (path, mtime, size) and the file its data came from
// are unchanged. A missing, corrupt or stale file is a miss, never an error: the caller parses
// terminfo as before and saves the result over it.
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { TerminfoCache, TerminfoData } from '../core/terminfo-cache.js';
import { writeJsonFile } from './store/json-file.js';

const FileStamp = z.object({ path: z.string(), mtimeMs: z.number(), size: z.number() });
type FileStamp = z.infer<typeof FileStamp>;

/**
 * A record of ~450 capabilities checked in one loop: zod's own record parse of them cost ~6 ms of a
 * cold start's CPU (its per-key checks run before V8 optimises them), more than the rest of a hit.
 */
function capabilities<T>(kind: string, is: (value: unknown) => value is T) {
  return z.custom<Record<string, T>>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every(is),
    { error: `expected a record of ${kind}` },
  );
}
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isString = (value: unknown): value is string => typeof value === 'string';

const Data = z.object({
  name: z.string(),
  names: z.array(z.string()),
  desc: z.string(),
  file: z.string(),
  bools: capabilities('booleans', isBoolean),
  numbers: capabilities('numbers', isNumber),
  strings: capabilities('strings', isString),
  error: z.string().optional(),
});

const Entry = z.object({ systemFile: FileStamp.nullable(), dataFile: FileStamp, data: Data });
type Entry = z.infer<typeof Entry>;

const CacheFile = z.object({ version: z.literal(1), entries: z.record(z.string(), Entry) });

/** The cache file of a store directory. */
export function terminfoCachePath(storeDir: string): string {
  return path.join(storeDir, 'terminfo-cache.json');
}

function stampOf(file: string): FileStamp | undefined {
  try {
    const stat = fs.statSync(file);
    return { path: file, mtimeMs: stat.mtimeMs, size: stat.size };
  } catch {
    return undefined;
  }
}

const sameStamp = (a: FileStamp | null | undefined, b: FileStamp | null | undefined): boolean =>
  a === b ||
  (a !== null &&
    a !== undefined &&
    b !== null &&
    b !== undefined &&
    a.path === b.path &&
    a.mtimeMs === b.mtimeMs &&
    a.size === b.size);

/** Every entry of the file; empty when it is missing or does not parse (it is rebuilt). */
function readEntries(file: string): Record<string, Entry> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = CacheFile.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.entries : {};
  } catch {
    // Not JSON (a torn or foreign file): rebuilt by the next save.
    return {};
  }
}

function dataOf(entry: Entry): TerminfoData {
  const { error, ...rest } = entry.data;
  return { ...rest, error };
}

/** A TerminfoCache kept in `file` (see terminfoCachePath). */
export function terminfoCacheFile(file: string): TerminfoCache {
  return {
    load(term, systemFile) {
      const entry = readEntries(file)[term];
      if (entry === undefined) return undefined;
      const system = systemFile === undefined ? null : (stampOf(systemFile) ?? null);
      if (!sameStamp(entry.systemFile, system)) return undefined;
      if (!sameStamp(entry.dataFile, stampOf(entry.dataFile.path))) return undefined;
      return dataOf(entry);
    },
    save(term, systemFile, data) {
      const dataFile = stampOf(data.file);
      // Data from a file that cannot be stamped could never be checked again: not kept.
      if (dataFile === undefined) return;
      const system = systemFile === undefined ? null : (stampOf(systemFile) ?? null);
      const { error, ...rest } = data;
      const stored = { ...rest, names: [...rest.names] };
      const entry: Entry = {
        systemFile: system,
        dataFile,
        data: error === undefined ? stored : { ...stored, error },
      };
      const entries = { ...readEntries(file), [term]: entry };
      // Written whole under a temporary name, then renamed (a start never reads half a file), owner-only
      // like every store file; a cache that cannot be written costs the next start a parse, nothing more.
      writeJsonFile(file, { version: 1, entries });
    },
  };
}
