// What the composer remembers per agent: the messages sent (↑/↓ history) and the unsent draft
// (Esc keeps it), read from and written to the session store's composer.json at once on each
// change, so a quit or a crash loses neither. Without a store it is kept in memory only.
import { composerFilePath, readComposerFile, writeComposerFile, type AgentComposerMemory } from '../adapters/store/composer-file.js';

/** The history key of broadcasts (agent names never start with `@`). */
export const BROADCAST_KEY = '@broadcast';
/** Sent messages kept per agent. */
const HISTORY_LIMIT = 200;

/** The composer's per-agent history and drafts. */
export class ComposerMemory {
  private readonly agents = new Map<string, AgentComposerMemory>();
  private readonly file: string | undefined;
  /** Why the file could not be read or written (shown once on the status line), if it could not. */
  problem: string | undefined;

  constructor(storeDir: string | undefined) {
    this.file = storeDir === undefined ? undefined : composerFilePath(storeDir);
    if (this.file === undefined) return;
    const read = readComposerFile(this.file);
    if (!read.ok) {
      this.problem = `composer history not loaded: ${read.error}`;
      return;
    }
    for (const [name, memory] of Object.entries(read.value.agents)) this.agents.set(name, memory);
  }

  /** Messages sent to `key`, oldest first. */
  historyOf(key: string): readonly string[] {
    return this.agents.get(key)?.history ?? [];
  }

  /** The draft left for `key` ('' when none). */
  draftOf(key: string): string {
    return this.agents.get(key)?.draft ?? '';
  }

  /** Keeps `draft` for the next time the box opens for `key`. */
  keepDraft(key: string, draft: string): void {
    const memory = this.agents.get(key) ?? { history: [], draft: '' };
    if (memory.draft === draft) return;
    this.agents.set(key, { history: memory.history, draft });
    this.save();
  }

  /** `text` was sent to `key`: it joins the history and the draft is cleared. */
  sent(key: string, text: string): void {
    const history = [...this.historyOf(key).filter((old) => old !== text), text].slice(-HISTORY_LIMIT);
    this.agents.set(key, { history, draft: '' });
    this.save();
  }

  private save(): void {
    if (this.file === undefined) return;
    const written = writeComposerFile(this.file, { version: 1, agents: Object.fromEntries(this.agents) });
    this.problem = written.ok ? undefined : `composer history not saved: ${written.error}`;
  }
}
