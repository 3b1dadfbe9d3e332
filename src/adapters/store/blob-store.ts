// Content-addressed blobs: large payloads live outside the journal so each line stays small.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, messageOf, ok, type Result } from '../../core/result.js';
import { syncDirectory } from './sync-directory.js';
import { DIR_MODE, FILE_MODE } from './store-modes.js';

const sha256Hex = /^[0-9a-f]{64}$/;

/** True for a well-formed blob name (a lowercase hex sha256). */
export function isBlobHash(hash: string): boolean {
  return sha256Hex.test(hash);
}

/** Stores each distinct payload once under DIR/blobs/<sha256[0:2]>/<sha256>. */
export class BlobStore {
  constructor(private readonly root: string) {}

  /** Where a blob lives (whether or not it exists yet). */
  pathOf(hash: string): string {
    return path.join(this.root, hash.slice(0, 2), hash);
  }

  /** Writes `text` unless a blob with its hash exists; returns the hash once the blob is durable. */
  put(text: string): Result<string> {
    return this.putBytes(Buffer.from(text, 'utf8'));
  }

  /**
   * The binary-safe `put` (file checkpoints keep any file's bytes). `durable: false` skips the
   * fdatasync (a workspace baseline may write thousands of blobs; a process crash keeps them,
   * only a power loss could not).
   */
  putBytes(bytes: Uint8Array, options: { readonly durable?: boolean } = {}): Result<string> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(hash);
    if (fs.existsSync(target)) return ok(hash);
    const folder = path.dirname(target);
    // Written under a temporary name and renamed, so a crash never leaves a partial blob
    // under its final name.
    const temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      fs.mkdirSync(folder, { recursive: true, mode: DIR_MODE });
      const fd = fs.openSync(temporary, 'wx', FILE_MODE);
      try {
        fs.writeFileSync(fd, bytes);
        if (options.durable !== false) fs.fdatasyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, target);
      if (options.durable !== false) syncDirectory(folder);
      return ok(hash);
    } catch (thrown) {
      fs.rmSync(temporary, { force: true });
      return err(`${target}: ${messageOf(thrown)}`);
    }
  }

  /** Reads a blob back and checks it still matches its hash. */
  get(hash: string): Result<string> {
    const bytes = this.getBytes(hash);
    return bytes.ok ? ok(bytes.value.toString('utf8')) : bytes;
  }

  /** The binary-safe `get`. */
  getBytes(hash: string): Result<Buffer> {
    const source = this.pathOf(hash);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(source);
    } catch (thrown) {
      return err(`${source}: ${messageOf(thrown)}`);
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== hash) return err(`${source}: content does not match its hash`);
    return ok(bytes);
  }
}
