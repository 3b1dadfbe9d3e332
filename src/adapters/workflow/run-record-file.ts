// A run's record on disk (DESIGN.md §9 The record): DIR/runs/RUN/script.js, the exact text run,
// and DIR/runs/RUN/run.jsonl, written line by line like session journals (SyncedLineFile).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { RunRecordLine } from '../../core/workflow/run-record.js';
import { SyncedLineFile } from '../store/line-file.js';
import { syncDirectory } from '../store/sync-directory.js';
import { writeFileOnce } from '../store/write-once.js';
import { DIR_MODE } from '../store/store-modes.js';

/** Where a run's record lives. */
export function runDirectory(storeDir: string, runId: string): string {
  return path.join(storeDir, 'runs', runId);
}

/** An open run record: append lines, then close. */
export type RunRecordWriter = {
  readonly runId: string;
  readonly dir: string;
  append(line: RunRecordLine): Result<void>;
  /** Resolves once every line so far is on disk. */
  synced(): Promise<void>;
  close(): void;
};

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function shortId(): string {
  return [...randomBytes(6)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length] ?? '0').join('');
}

/** Takes a new run id (short, unique in the store: its folder is created atomically) and writes script.js. */
export function createRunRecord(storeDir: string, scriptText: string): Result<RunRecordWriter> {
  const runs = path.join(storeDir, 'runs');
  try {
    fs.mkdirSync(runs, { recursive: true, mode: DIR_MODE });
  } catch (thrown) {
    return err(`${runs}: cannot create: ${messageOf(thrown)}`);
  }
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const runId = shortId();
    const dir = path.join(runs, runId);
    try {
      fs.mkdirSync(dir, { mode: DIR_MODE });
    } catch (thrown) {
      if (thrown instanceof Error && 'code' in thrown && thrown.code === 'EEXIST') continue;
      return err(`${dir}: cannot create: ${messageOf(thrown)}`);
    }
    return openRecord(runId, dir, scriptText);
  }
  return err(`${runs}: could not find a free run id`);
}

function openRecord(runId: string, dir: string, scriptText: string): Result<RunRecordWriter> {
  const script = writeFileOnce(path.join(dir, 'script.js'), scriptText);
  if (!script.ok) return script;
  const lines = SyncedLineFile.create(path.join(dir, 'run.jsonl'));
  if (!lines.ok) return lines;
  syncDirectory(dir);
  return ok(recordWriter(runId, dir, lines.value));
}

/** The writer of a run record whose run.jsonl is open as `file` (a new run's, or a continued one's). */
export function recordWriter(runId: string, dir: string, file: SyncedLineFile): RunRecordWriter {
  return {
    runId,
    dir,
    append: (line) => file.appendLine(`${JSON.stringify(line)}\n`),
    synced: () => file.synced(),
    close: () => file.close(),
  };
}
