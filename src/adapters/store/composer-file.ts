// The composer's memory on disk (issue 11 item 7): each agent's sent messages (for ↑/↓) and its
// unsent draft, in `composer.json` in the session store, so both survive a quit or a crash.
// Written whole to a temp file and renamed over, so a crash leaves the old file or the new one.
import fs from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { err, messageOf, ok, type Result } from '../../core/result.js';

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
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (thrown) {
    if (thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT') return ok({ version: 1, agents: {} });
    return err(`${file}: ${messageOf(thrown)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    return err(`${file}: invalid JSON: ${messageOf(thrown)}`);
  }
  const parsed = ComposerFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`${file}: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(top)'}: ${issue.message}`}`);
  }
  return ok(parsed.data);
}

/** Writes the file whole (temp file, then rename). */
export function writeComposerFile(file: string, data: ComposerFileData): Result<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, `${JSON.stringify(data)}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
    return ok(undefined);
  } catch (thrown) {
    fs.rmSync(temporary, { force: true });
    return err(`${file}: ${messageOf(thrown)}`);
  }
}
