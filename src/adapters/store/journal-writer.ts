// Appends records to a session journal: one JSON line each. The line is written before
// `append` returns (so a crash of agentmux itself never loses it), and an fdatasync follows at
// once on the thread pool, so the disk's sync latency (up to ~15 ms here) never stalls the event
// loop (DESIGN.md §6). Records are whole entries or head moves, so this syncs at entry boundaries.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { JournalRecord, SessionHeader } from '../../core/journal-record.js';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import type { JournalWriter } from '../../core/store.js';
import type { BlobStore } from './blob-store.js';
import { encodeJournalLine } from './journal-line.js';
import { syncDirectoryInBackground } from './sync-directory.js';
import { nodeJournalFileOps, SyncedLineFile, type JournalFileOps } from './line-file.js';
import { DIR_MODE, FILE_MODE } from './store-modes.js';

export { nodeJournalFileOps, type JournalFileOps } from './line-file.js';

const newline = 0x0a;

/** The journal's first line (its header), newline included. */
function readFirstLine(fd: number): string {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(64 * 1024);
  for (let position = 0; ; ) {
    const read = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    const end = chunk.subarray(0, read).indexOf(newline);
    if (end >= 0) {
      chunks.push(Buffer.from(chunk.subarray(0, end + 1)));
      break;
    }
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    position += read;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An open journal file: session records as lines of a SyncedLineFile. */
export class FileJournalWriter implements JournalWriter {
  private constructor(
    private readonly lines: SyncedLineFile,
    private readonly headerLine: string,
    private readonly blobs: BlobStore,
  ) {}

  /** The journal's path. */
  get path(): string {
    return this.lines.path;
  }

  /** Opens an existing journal for appending; refuses one whose last line is incomplete (load repairs it). */
  static open(file: string, blobs: BlobStore, ops: JournalFileOps = nodeJournalFileOps): Result<FileJournalWriter> {
    const opened = SyncedLineFile.open(file, ops);
    if (!opened.ok) return opened;
    try {
      return ok(new FileJournalWriter(opened.value.lines, readFirstLine(opened.value.fd), blobs));
    } catch (thrown) {
      opened.value.lines.close();
      return err(`${file}: ${messageOf(thrown)}`);
    }
  }

  /** Writes the line at the end of the file and syncs it; on failure the file is cut back to its last whole line. */
  append(record: JournalRecord): Result<void> {
    const usable = this.lines.usable();
    if (!usable.ok) return usable;
    const line = encodeJournalLine(record, this.blobs);
    if (!line.ok) return err(`${this.path}: ${line.error}`);
    if (record.t === 'session') {
      // `create` already wrote the header; appending that same header again is a no-op.
      if (line.value === this.headerLine) return ok(undefined);
      return err(`${this.path}: a session header may only be the first record`);
    }
    return this.lines.appendLine(line.value);
  }

  /** Syncs and releases the descriptor; later appends fail with a message. Never throws. */
  close(): void {
    this.lines.close();
  }

  /** Resolves once every line appended so far has been through fdatasync (tests, benches, quit). */
  synced(): Promise<void> {
    return this.lines.synced();
  }

  /** Starts the background fdatasync of the header `createJournal` wrote. */
  syncHeaderInBackground(): void {
    this.lines.syncInBackground();
  }
}

/**
 * Creates a journal whose first line is `header`; the file appears whole (header included) or
 * not at all. The writer accepts that same header once more as a no-op, for callers that append it.
 */
export function createJournal(file: string, header: SessionHeader, blobs: BlobStore, ops: JournalFileOps = nodeJournalFileOps): Result<FileJournalWriter> {
  const line = encodeJournalLine(header, blobs);
  if (!line.ok) return err(`${file}: ${line.error}`);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: DIR_MODE });
    const fd = fs.openSync(temporary, 'wx', FILE_MODE);
    try {
      fs.writeFileSync(fd, line.value);
    } finally {
      fs.closeSync(fd);
    }
    // link() fails if the journal exists, so an existing session is never overwritten. The header
    // is written before the link, so a crash of agentmux leaves the whole file or none.
    fs.linkSync(temporary, file);
  } catch (thrown) {
    const code = thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
    return err(code === 'EEXIST' ? `${file}: a session with this id already exists` : `${file}: ${messageOf(thrown)}`);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  const opened = FileJournalWriter.open(file, blobs, ops);
  if (!opened.ok) return opened;
  // Durable against a power loss soon after, as every journal line is: the header's fdatasync and
  // the directory's fsync run on the thread pool. Synchronous, they stalled the event loop twice
  // per new session (a 1,000-agent workflow run: keys waited 200 ms at the median).
  // Accepted trade-off (issue 17, session 6): only a power loss or OS crash in the few ms before
  // these syncs finish can cost the new session — its journal then is empty or missing while the
  // catalog lists it, and loading it is a load problem naming the file (test/adapters/store/
  // power-loss.test.ts), never a throw. Nothing is lost but a session with at most the lines
  // written in those ms, exactly what every later line risks (each is synced the same way); an
  // agentmux crash still leaves the whole file or none. The first frame never waits on this:
  // a cold start reattaches sessions and creates none before it.
  opened.value.syncHeaderInBackground();
  syncDirectoryInBackground(path.dirname(file));
  return opened;
}
