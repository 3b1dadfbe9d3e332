// `agentmux ctl capture [-t AGENT]` (DESIGN.md §5): the agent's whole active branch as its pane
// shows it, as plain text — the transcript's display text (sanitized, no escapes; wrapped rows
// joined again), or for a PTY agent the emulated screen with its scrollback.
import type { Controller } from '../core/controller.js';
import type { PtyScreen } from '../core/pty-session.js';
import { err, ok, type Result } from '../core/result.js';
import type { Transcript } from '../core/transcript.js';
import type { Block } from '../core/transcript-rows.js';
import type { AgentTranscripts } from './agent-transcripts.js';

/** The captured agent's name and its text (lines joined by `\n`, trailing spaces trimmed). */
export type Capture = { readonly agent: string; readonly text: string };

/** Captures `reference` (a name or pane number; null: the focused agent). */
export function captureAgent(controller: Controller, transcripts: AgentTranscripts, reference: string | null): Result<Capture> {
  const focused = controller.panes.focused();
  const name = reference !== null ? controller.resolveAgent(reference) : focused === undefined ? err('there is no agent') : ok(focused);
  if (!name.ok) return err(`capture: ${name.error}`);
  const agent = controller.find(name.value);
  if (agent === undefined) return err(`capture: no agent "${name.value}"`);
  if (agent.kind === 'pty') {
    const screen = agent.pty.screen;
    return ok({ agent: agent.name, text: screen === undefined ? '' : screenText(screen) });
  }
  return ok({ agent: agent.name, text: transcriptText(transcripts.of(agent)) });
}

/** Every block of a transcript (entries, notices, the live answer), one display line per line. */
export function transcriptText(transcript: Transcript): string {
  const lines: string[] = [];
  for (let block = 0; block < transcript.blockCount; block++) {
    const at = transcript.blockAt(block);
    const text = at === undefined ? '' : withoutStreamMarker(at);
    for (const line of text.split('\n')) lines.push(line.trimEnd());
  }
  return lines.join('\n');
}

/** The live answer's cursor glyph, drawn for the pane (a `streaming` run ending the block), is no text (§5). */
const STREAM_MARKER = '▍';

/** A block's text without the streaming marker the pane draws after a live answer or tool output. */
function withoutStreamMarker(block: Block): string {
  let text = '';
  let start = 0;
  for (const run of block.runs) {
    const piece = block.text.slice(start, run.end);
    text += run.style === 'streaming' && piece.endsWith(STREAM_MARKER) ? piece.slice(0, -STREAM_MARKER.length) : piece;
    start = run.end;
  }
  return text + block.text.slice(start);
}

/** The emulated screen and its scrollback, oldest line first, trailing blank lines dropped. */
export function screenText(screen: PtyScreen): string {
  const lines: string[] = [];
  for (let index = 0; index < screen.length; index++) {
    lines.push(
      screen
        .runs(index)
        .map((run) => run.text)
        .join('')
        .trimEnd(),
    );
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
