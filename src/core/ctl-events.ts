// What `agentmux ctl events` prints for each controller event (DESIGN.md §5): a compact,
// JSON-safe object per line, `{"type": NAME, …}`, for the events scripts follow; entries are
// reduced to what a script reads (ids, kind, text), never the whole stored record.
import type { JsonValue } from './json-value.js';
import type { Entry } from './entry.js';
import type { ControllerEvent } from './events.js';
import type { StreamEvent } from './provider.js';

/** A line of the stream, before it is written. */
export type CtlEvent = { readonly type: string; readonly [field: string]: JsonValue };

/** The line for `event`, or undefined when `ctl events` does not report it (deltas only when asked). */
export function ctlEvent(event: ControllerEvent, deltas: boolean): CtlEvent | undefined {
  switch (event.type) {
    case 'state':
      return { type: 'state', agent: event.agent, state: event.state, detail: event.detail };
    case 'entry':
      return { type: 'entry', agent: event.agent, entry: compactEntry(event.entry) };
    case 'usage':
      return { type: 'usage', agent: event.agent, ...event.totals };
    case 'receipt':
      return { type: 'receipt', receipts: event.receipts.map((receipt) => ({ ...receipt })) };
    case 'notice':
      return { type: 'notice', agent: event.agent ?? null, level: event.level, message: event.message };
    case 'delta':
      return deltas ? { type: 'delta', agent: event.agent, ...compactDelta(event.event) } : undefined;
    case 'turn-finished':
      return { type: 'turn-finished', agent: event.agent, turn: event.turn, outcome: event.outcome, text: event.text, deliveries: [...event.deliveries] };
    case 'call-state':
      return { type: 'call-state', run: event.run, agent: event.agent, phase: event.phase, state: { ...event.state } };
    case 'call-renamed':
      return { type: 'call-renamed', run: event.run, from: event.from, to: event.to };
    case 'agent-added':
    case 'agent-removed':
    case 'agent-renamed':
    case 'focus':
    case 'tool-output':
    case 'head':
      return undefined;
  }
}

/** An entry as a script reads it: ids, kind, and its text (an answer's text blocks joined, tool calls by name). */
export function compactEntry(entry: Entry): JsonValue {
  const base = { id: entry.id, parent: entry.parent, kind: entry.kind, at: entry.at };
  switch (entry.kind) {
    case 'user':
      return { ...base, origin: entry.origin, opensTurn: entry.opensTurn, text: entry.text };
    case 'assistant':
    case 'interrupted': {
      const text = entry.blocks.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      const tools = entry.blocks.flatMap((block) => (block.type === 'tool_use' ? [{ id: block.id, name: block.name }] : []));
      const ending = entry.kind === 'assistant' ? { stopReason: entry.stopReason } : { reason: entry.reason };
      return { ...base, model: entry.model, text, tools, ...ending };
    }
    case 'tool-result':
      return { ...base, toolUseId: entry.toolUseId, toolName: entry.toolName, isError: entry.isError, text: entry.content };
    case 'graft-marker':
      return { ...base, sourceSession: entry.sourceSession, sourceName: entry.sourceName, fromTurn: entry.fromTurn, toTurn: entry.toTurn, count: entry.count };
    case 'edit':
      return { ...base, target: entry.target, text: entry.replacement.kind === 'text' ? entry.replacement.text : entry.replacement.content };
  }
}

function compactDelta(event: StreamEvent): Record<string, JsonValue> {
  switch (event.type) {
    case 'text':
    case 'thinking':
      return { kind: event.type, text: event.text };
    case 'tool-start':
      return { kind: 'tool-start', id: event.id, name: event.name };
    case 'tool-input':
      return { kind: 'tool-input', json: event.partialJson };
    case 'usage':
      return { kind: 'usage', inputTokens: event.usage.inputTokens, outputTokens: event.usage.outputTokens };
  }
}
