// An append-only file of lines, as session journals and run records are written (DESIGN.md §3):
// each line is written before `appendLine` returns (so a crash of agentmux itself never loses it)
// and an fdatasync follows at once on the thread pool, so the disk's sync latency never stalls
// the event loop; a failed write is cut back to the last whole line.
import fs from 'node:fs';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { FILE_MODE } from './store-modes.js';

/** The file operations an open journal needs; tests replace them to simulate a full disk. */
export type JournalFileOps = {
  /** Writes `bytes[offset…]` at file `position`; returns how many bytes were written. */
  write(fd: number, bytes: Buffer, offset: number, position: number): number;
  fdatasync(fd: number): void;
  /** The same sync off the event loop; `done` gets the error, if any. */
  fdatasyncAsync(fd: number, done: (error: Error | null) => void): void;
  ftruncate(fd: number, length: number): void;
  close(fd: number): void;
};

/** The real file system. */
export const nodeJournalFileOps: JournalFileOps = {
  write: (fd, bytes, offset, position) => fs.writeSync(fd, bytes, offset, bytes.length - offset, position),
  fdatasync: (fd) => fs.fdatasyncSync(fd),
  fdatasyncAsync: (fd, done) => fs.fdatasync(fd, done),
  ftruncate: (fd, length) => fs.ftruncateSync(fd, length),
  close: (fd) => fs.closeSync(fd),
};

/**
 * Syncs, then closes a descriptor, best effort. Every record was written when `append`
 * returned, so a failing sync or close (EIO, EBADF) cannot lose a record the kernel holds, and
 * closing must never throw out of the store (it runs when panes close and at quit).
 */
export function closeQuietly(ops: JournalFileOps, fd: number): void {
  try {
    ops.fdatasync(fd);
  } catch {
    // Closing anyway: see above.
  }
  try {
    ops.close(fd);
  } catch {
    // Nothing to recover: see above.
  }
}

/** Closes a descriptor whose every write is synced already, best effort (as `closeQuietly`). */
function closeWithoutSync(ops: JournalFileOps, fd: number): void {
  try {
    ops.close(fd);
  } catch {
    // Nothing to recover: every line was synced.
  }
}

const newline = 0x0a;

function lastByte(fd: number, size: number): number | undefined {
  const last = Buffer.alloc(1);
  fs.readSync(fd, last, 0, 1, size - 1);
  return last[0];
}

type WriterState = { kind: 'open'; fd: number; size: number } | { kind: 'closed' } | { kind: 'broken'; why: string };

/** The background fdatasync: at most one in flight; appends meanwhile ask for one more after it. */
type SyncState = { inFlight: boolean; again: boolean; failure: string | undefined };

/** An open line file; keeps its descriptor so an append costs one write and one sync. */
export class SyncedLineFile {
  private state: WriterState;
  private readonly sync: SyncState = { inFlight: false, again: false, failure: undefined };
  /** Resolvers waiting for every line written so far to be synced (see `synced`). */
  private waiting: (() => void)[] = [];

  private constructor(
    readonly path: string,
    fd: number,
    size: number,
    private readonly ops: JournalFileOps,
  ) {
    this.state = { kind: 'open', fd, size };
  }

  /** Opens an existing file for appending; refuses one whose last line is incomplete (reading repairs it); `fd` lets the caller read it first. */
  static open(file: string, ops: JournalFileOps = nodeJournalFileOps): Result<{ lines: SyncedLineFile; fd: number }> {
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, 'r+');
      const size = fs.fstatSync(fd).size;
      if (size === 0 || lastByte(fd, size) !== newline) {
        closeQuietly(ops, fd);
        fd = undefined;
        return err(`${file}: last line is incomplete; load the journal to repair it first`);
      }
      return ok({ lines: new SyncedLineFile(file, fd, size, ops), fd });
    } catch (thrown) {
      if (fd !== undefined) closeQuietly(ops, fd);
      return err(`${file}: ${messageOf(thrown)}`);
    }
  }

  /** Creates a new, empty file for appending; fails if it exists. */
  static create(file: string, ops: JournalFileOps = nodeJournalFileOps): Result<SyncedLineFile> {
    try {
      return ok(new SyncedLineFile(file, fs.openSync(file, 'wx', FILE_MODE), 0, ops));
    } catch (thrown) {
      return err(`${file}: ${messageOf(thrown)}`);
    }
  }

  /** Writes one line (text ending in a newline) at the end of the file and starts its sync; on failure the file is cut back to its last whole line. */
  appendLine(text: string): Result<void> {
    const state = this.state;
    if (state.kind === 'closed') return err(`${this.path}: journal is closed`);
    if (state.kind === 'broken') return err(`${this.path}: ${state.why}`);
    if (this.sync.failure !== undefined) return err(`${this.path}: an earlier sync failed (${this.sync.failure})`);
    const bytes = Buffer.from(text, 'utf8');
    try {
      let written = 0;
      while (written < bytes.length) {
        // Positioned at the tracked size rather than O_APPEND, so a cut-back file is written
        // over exactly where the failed line began.
        written += this.ops.write(state.fd, bytes, written, state.size + written);
      }
      state.size += bytes.length;
      this.startSync(state.fd);
      return ok(undefined);
    } catch (thrown) {
      return err(`${this.path}: ${this.cutBack(state, messageOf(thrown))}`);
    }
  }

  /** Whether appends can still succeed (no earlier failure, not closed). */
  usable(): Result<void> {
    const state = this.state;
    if (state.kind === 'closed') return err(`${this.path}: journal is closed`);
    if (state.kind === 'broken') return err(`${this.path}: ${state.why}`);
    if (this.sync.failure !== undefined) return err(`${this.path}: an earlier sync failed (${this.sync.failure})`);
    return ok(undefined);
  }

  /** Syncs and releases the descriptor; later appends fail with a message. Never throws. */
  close(): void {
    const state = this.state;
    this.state = { kind: 'closed' };
    // With no sync in flight every line was synced already: a second fdatasync here would only
    // stall the event loop (a 1,000-agent workflow run closes 1,000 journals while keys wait).
    if (state.kind === 'open' && (this.sync.inFlight || this.sync.failure !== undefined)) closeQuietly(this.ops, state.fd);
    else if (state.kind === 'open') closeWithoutSync(this.ops, state.fd);
    this.release();
  }

  /** Starts a background fdatasync of what is written so far (a new file's first line, written before it was opened here). */
  syncInBackground(): void {
    if (this.state.kind === 'open') this.startSync(this.state.fd);
  }

  /** Resolves once every line appended so far has been through fdatasync (tests, benches, quit). */
  synced(): Promise<void> {
    if (!this.sync.inFlight) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private startSync(fd: number): void {
    if (this.sync.inFlight) {
      this.sync.again = true;
      return;
    }
    this.sync.inFlight = true;
    this.ops.fdatasyncAsync(fd, (error) => {
      this.sync.inFlight = false;
      const open = this.state.kind === 'open';
      // After close the descriptor was synced and closed already; its errors mean nothing.
      if (error !== null && open) this.sync.failure = messageOf(error);
      if (this.sync.again && open && this.sync.failure === undefined) {
        this.sync.again = false;
        this.startSync(fd);
        return;
      }
      this.sync.again = false;
      this.release();
    });
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private cutBack(state: { fd: number; size: number }, problem: string): string {
    try {
      this.ops.ftruncate(state.fd, state.size);
      this.ops.fdatasync(state.fd);
      return problem;
    } catch (thrown) {
      const why = `an earlier append failed (${problem}) and the file could not be cut back (${messageOf(thrown)}); load the journal again`;
      closeQuietly(this.ops, state.fd);
      this.state = { kind: 'broken', why };
      return why;
    }
  }
}
