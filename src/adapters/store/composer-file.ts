// The composer's memory on disk (issue 11 item 7): each agent's sent messages (for ↑/↓) and its
// unsent draft, in `composer.json` in the session store, so both survive a quit or a crash.
// Written whole to a temp file and renamed over, so a crash leaves the old file or the new one.
import { join } from 'node:path';
import * as z from 'zod';
import type { Result } from '../../core/result.js';
import { readJsonFile, writeJsonFile } from './json-file.js';

const AgentMemorySchema = z.object({ history: z.array(z.string()), draft: z.string() });
const ComposerFileSchema = z.object({ version: z.literal(1), agents: z.record(z.string(), AgentMemorySchema) });

/** What the composer remembers for one agent (or for broadcasts). */
export type AgentComposerMemory = z.infer<typeof AgentMemorySchema>;
export type ComposerFileData = z.infer<typeof ComposerFileSchema>;

/** The file's path in a session store. */
export function composerFilePath(storeDir: string): string {
  return join(storeDir, 'composer.json');
}

/** Reads the file; a missing file is empty memory, a broken one an error naming the file and field. */
export function readComposerFile(file: string): Result<ComposerFileData> {
  return readJsonFile(file, ComposerFileSchema, { version: 1, agents: {} });
}

/** Writes the file whole (temp file, then rename; 0600). */
export function writeComposerFile(file: string, data: ComposerFileData): Result<void> {
  return writeJsonFile(file, data);
}
