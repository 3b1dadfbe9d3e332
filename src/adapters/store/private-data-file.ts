// lowdb's file adapter for the catalog, owner-only: lowdb's own writes its temp file with the
// umask's mode (0666 under umask 000), so the catalog is written here as the store's other files
// are: whole to a temp file created 0600, renamed over (a crash leaves the old file or the new).
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { FILE_MODE } from './store-modes.js';

/** How the data is read from and written to text. */
export type TextCodec<T> = { readonly parse: (text: string) => T; readonly stringify: (data: T) => string };

/** A lowdb adapter over FILE: missing reads as null; every write is 0600 and atomic. */
export class PrivateDataFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly codec: TextCodec<T>,
  ) {}

  async read(): Promise<T | null> {
    try {
      return this.codec.parse(await readFile(this.file, 'utf8'));
    } catch (thrown) {
      if (thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT') return null;
      throw thrown;
    }
  }

  async write(data: T): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, this.codec.stringify(data), { mode: FILE_MODE });
      await rename(temporary, this.file);
    } catch (thrown) {
      await rm(temporary, { force: true });
      throw thrown;
    }
  }
}
