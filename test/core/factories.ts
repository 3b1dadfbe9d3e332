// Small factories for conversation entries: a builder that chains entries under its head.
import type { Agent, SdkAgent } from '../../src/core/agent.js';
import { viewBranch, type BranchView } from '../../src/core/branch.js';
import type {
  AssistantBlock,
  AssistantEntry,
  EditEntry,
  EditReplacement,
  Entry,
  EntryId,
  GraftMarkerEntry,
  InterruptedEntry,
  MessageOrigin,
  Provenance,
  TextBlock,
  ThinkingBlock,
  ToolResultEntry,
  ToolUseBlock,
  UserEntry,
} from '../../src/core/entry.js';
import { SessionTree } from '../../src/core/tree.js';

export const usage = { inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function text(value: string): TextBlock {
  return { type: 'text', text: value };
}

export function toolUse(
  id: string,
  name = 'read_file',
  input: Record<string, unknown> = { path: 'a.ts' },
): ToolUseBlock {
  return { type: 'tool_use', id, name, input };
}

export function thinking(value: string): ThinkingBlock {
  return { type: 'thinking', thinking: value, signature: `sig-${value}` };
}

/** Builds entries chained under its head; `from(id)` starts a side branch. */
export class ChainBuilder {
  readonly entries: Entry[] = [];
  head: EntryId | null = null;
  #next = 0;

  constructor(private readonly prefix = 'e') {}

  from(id: EntryId | null): this {
    this.head = id;
    return this;
  }

  user(
    value: string,
    options: { opensTurn?: boolean; origin?: MessageOrigin; provenance?: Provenance } = {},
  ): UserEntry {
    return this.#push({
      ...this.#common(options.provenance),
      kind: 'user',
      origin: options.origin ?? 'typed',
      opensTurn: options.opensTurn ?? true,
      text: value,
    });
  }

  /** A nudge joining the running turn. */
  nudge(value: string): UserEntry {
    return this.user(value, { opensTurn: false, origin: 'nudge' });
  }

  assistant(...blocks: AssistantBlock[]): AssistantEntry {
    return this.#push({
      ...this.#common(),
      kind: 'assistant',
      model: 'test-model',
      blocks,
      stopReason: blocks.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn',
      usage,
    });
  }

  /** An answer copied in by a graft (provenance graft). */
  graftedAssistant(...blocks: AssistantBlock[]): AssistantEntry {
    const entry = this.assistant(...blocks);
    const grafted: AssistantEntry = {
      ...entry,
      provenance: { kind: 'graft', sourceSession: 's0', sourceEntry: 'x', sourceName: 'other' },
    };
    this.entries[this.entries.length - 1] = grafted;
    return grafted;
  }

  interrupted(blocks: AssistantBlock[], reason = 'user'): InterruptedEntry {
    return this.#push({
      ...this.#common(),
      kind: 'interrupted',
      model: 'test-model',
      blocks,
      usage,
      reason,
    });
  }

  result(
    toolUseId: string,
    content: string,
    options: { isError?: boolean; toolName?: string } = {},
  ): ToolResultEntry {
    return this.#push({
      ...this.#common(),
      kind: 'tool-result',
      toolUseId,
      toolName: options.toolName ?? 'read_file',
      content,
      isError: options.isError ?? false,
    });
  }

  edit(target: EntryId, replacement: EditReplacement | string): EditEntry {
    const value: EditReplacement =
      typeof replacement === 'string' ? { kind: 'text', text: replacement } : replacement;
    return this.#push({ ...this.#common(), kind: 'edit', target, replacement: value });
  }

  marker(fromTurn = 1, toTurn = 1, count = 0): GraftMarkerEntry {
    return this.#push({
      ...this.#common(),
      kind: 'graft-marker',
      sourceSession: 's0',
      sourceName: 'other',
      fromTurn,
      toTurn,
      count,
    });
  }

  /** The entries from the root to the head (following parents). */
  path(): Entry[] {
    const byId = new Map(this.entries.map((entry) => [entry.id, entry]));
    const path: Entry[] = [];
    for (let id = this.head; id !== null;) {
      const entry = byId.get(id);
      if (!entry) break;
      path.push(entry);
      id = entry.parent;
    }
    return path.reverse();
  }

  view(): BranchView {
    return viewBranch(this.path());
  }

  /** A tree holding every entry built so far, its head at the builder's head. */
  tree(): SessionTree {
    const tree = new SessionTree();
    for (const entry of this.entries) expectOk(tree.add(entry));
    expectOk(tree.setHead(this.head));
    return tree;
  }

  #common(provenance: Provenance = { kind: 'local' }) {
    this.#next += 1;
    return {
      id: `${this.prefix}${this.#next}`,
      parent: this.head,
      at: 1_000 + this.#next,
      provenance,
    };
  }

  #push<E extends Entry>(entry: E): E {
    this.entries.push(entry);
    this.head = entry.id;
    return entry;
  }
}

/** Unwraps a Result in a test, failing loudly with its message. */
export function expectOk<T, E>(result: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!result.ok) throw new Error(`expected ok, got error: ${typeof result.error === 'string' ? result.error : JSON.stringify(result.error)}`);
  return result.value;
}

/** The agent as an SDK agent, failing loudly when there is none or it is a PTY or broken agent. */
export function expectSdk(agent: Agent | undefined): SdkAgent {
  if (agent === undefined) throw new Error('expected an SDK agent, got none');
  if (agent.kind !== 'sdk') throw new Error(`expected an SDK agent, got a ${agent.kind} agent (${agent.name})`);
  return agent;
}

/** True while the agent's loop runs (only an SDK agent has one). */
export function loopRunning(agent: Agent | undefined): boolean {
  return agent?.kind === 'sdk' && agent.phase.kind === 'running';
}

/** Unwraps an error Result in a test. */
export function expectErr<T>(
  result: { ok: true; value: T } | { ok: false; error: string },
): string {
  if (result.ok) throw new Error('expected an error, got ok');
  return result.error;
}

/** Sequential ids for copies: `n1`, `n2`, … */
export function idSource(prefix = 'n'): () => string {
  let next = 0;
  return () => `${prefix}${++next}`;
}
