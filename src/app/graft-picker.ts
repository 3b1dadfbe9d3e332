// `g`: the graft picker flow. Step 1 picks a SOURCE (another agent, a stored session, or a
// transcript file), step 2 a turn range with a live preview; Enter dispatches
// `graft -t AGENT SOURCE FROM..TO` like the prompt would. Esc backs out a step, then closes.
import type { Controller } from '../core/controller.js';
import type { GraftSource } from '../core/history-ops.js';
import type { Result } from '../core/result.js';
import { GraftPickerOverlay, type GraftPickerModel, type GraftPickerRow } from '../view/overlays/graft-picker.js';
import type { KeyPress } from '../view/overlays/overlay.js';
import { typedText } from '../view/overlays/overlay.js';
import type { CockpitApp } from './cockpit-app.js';
import { graftPreview, turnRows, type TurnRow } from './graft-picker-preview.js';
import { relativeTime } from './session-browser-rows.js';

/** A row of the source list: what it shows and the SOURCE it dispatches (undefined: ask for a file). */
type SourceChoice = { readonly text: string; readonly reference: string | undefined };

type RangeStep = {
  readonly kind: 'range';
  readonly reference: string;
  readonly source: GraftSource;
  readonly rows: readonly TurnRow[];
  selected: number;
  from: number | undefined;
  typed: string;
};
type Step = { readonly kind: 'source'; selected: number } | RangeStep;

/** The picker's state for one target agent; `model()` is what the overlay draws. */
export class GraftPickerFlow {
  private step: Step = { kind: 'source', selected: 0 };
  private problem: string | undefined;
  private readonly sources: readonly SourceChoice[];

  constructor(
    private readonly controller: Controller,
    private readonly target: string,
    private readonly now: () => number,
  ) {
    this.sources = sourceChoices(controller, target, now());
  }

  model(): GraftPickerModel {
    const step = this.step;
    if (step.kind === 'source') {
      return {
        title: `graft into ${this.target} — pick a source`,
        rows: this.sources.map((s) => ({ text: s.text })),
        selected: step.selected,
        previewTitle: 'preview',
        preview: [],
        hint: this.problem ?? '↑↓ choose · Enter pick · Esc close',
        hintIsError: this.problem !== undefined,
      };
    }
    const range = this.range(step);
    const preview = range === undefined ? undefined : this.preview(step, range.from, range.to);
    const rows: GraftPickerRow[] = step.rows.map((row) => ({
      text: row.text,
      marked: range !== undefined && row.turn >= range.from && row.turn <= range.to,
    }));
    const typed = step.typed === '' ? '' : ` · typed ${step.typed}`;
    const keys =
      step.from === undefined
        ? 'Enter sets FROM (or type 2..4) · [ ] scroll preview · Esc back'
        : `FROM ${step.from}: Enter sets TO and grafts · [ ] scroll preview · Esc back`;
    const problem = this.problem ?? (preview?.ok === false ? preview.error : undefined);
    return {
      title: `graft into ${this.target} from ${step.source.name} — pick turns FROM..TO`,
      rows,
      selected: step.selected,
      previewTitle: range === undefined ? 'preview' : `appends turns ${range.from}..${range.to} as ${this.target} will show them:`,
      preview: preview?.ok === true ? preview.value : [],
      hint: `${problem ?? keys}${typed}`,
      hintIsError: problem !== undefined,
    };
  }

  /** Handles a key; returns the command line to run when the graft is decided, or a step result. */
  handleKey(key: KeyPress): { kind: 'keep' } | { kind: 'close' } | { kind: 'ask-file' } | { kind: 'graft'; line: string } {
    this.problem = undefined;
    const step = this.step;
    // q closes at once, as it does help, copy mode and the session browser (B17).
    if (key.full === 'q') return { kind: 'close' };
    if (key.full === 'escape') {
      if (step.kind === 'source') return { kind: 'close' };
      if (step.typed !== '') step.typed = '';
      else if (step.from !== undefined) step.from = undefined;
      else this.step = { kind: 'source', selected: this.sources.findIndex((s) => s.reference === step.reference) };
      if (this.step.kind === 'source' && this.step.selected < 0) this.step.selected = 0;
      return { kind: 'keep' };
    }
    const count = step.kind === 'source' ? this.sources.length : step.rows.length;
    const moved = movement(key, step.selected, count);
    if (moved !== undefined) {
      step.selected = moved;
      return { kind: 'keep' };
    }
    if (step.kind === 'source') {
      if (key.full !== 'enter') return { kind: 'keep' };
      const choice = this.sources[step.selected];
      if (choice === undefined) return { kind: 'keep' };
      if (choice.reference === undefined) return { kind: 'ask-file' };
      this.choose(choice.reference);
      return { kind: 'keep' };
    }
    const typed = typedText(key);
    if (typed !== undefined && /^[0-9.]$/.test(typed)) {
      step.typed += typed;
      return { kind: 'keep' };
    }
    if (key.full === 'backspace') {
      step.typed = step.typed.slice(0, -1);
      return { kind: 'keep' };
    }
    if (key.full !== 'enter') return { kind: 'keep' };
    const typedRange = parseRange(step.typed);
    if (step.typed !== '' && typedRange === undefined) {
      this.problem = `"${step.typed}" is not FROM..TO (e.g. 2..4)`;
      return { kind: 'keep' };
    }
    if (typedRange === undefined && step.from === undefined) {
      step.from = step.rows[step.selected]?.turn;
      return { kind: 'keep' };
    }
    const range = this.range(step);
    if (range === undefined) return { kind: 'keep' };
    const preview = this.preview(step, range.from, range.to);
    if (!preview.ok) {
      this.problem = preview.error;
      return { kind: 'keep' };
    }
    return { kind: 'graft', line: `graft -t ${this.target} ${step.reference} ${range.from}..${range.to}` };
  }

  /** Step 2 for a SOURCE (a row's, or a file path typed in); false with a problem shown if it cannot be read. */
  choose(reference: string): boolean {
    if (/\s/.test(reference)) {
      this.problem = `a SOURCE cannot contain spaces: "${reference}"`;
      return false;
    }
    const resolved: Result<GraftSource> = this.controller.graftSource(reference);
    if (!resolved.ok) {
      this.problem = resolved.error;
      return false;
    }
    const rows = turnRows(resolved.value.view);
    if (rows.length === 0) {
      this.problem = `${resolved.value.name} has no turns to graft`;
      return false;
    }
    this.step = { kind: 'range', reference, source: resolved.value, rows, selected: 0, from: undefined, typed: '' };
    return true;
  }

  /** Shows a problem on the hint line (e.g. from the file input). */
  report(problem: string): void {
    this.problem = problem;
  }

  private range(step: RangeStep): { from: number; to: number } | undefined {
    const typed = parseRange(step.typed);
    if (typed !== undefined) return typed;
    const at = step.rows[step.selected]?.turn;
    if (at === undefined) return undefined;
    const from = step.from ?? at;
    return { from: Math.min(from, at), to: Math.max(from, at) };
  }

  private preview(step: RangeStep, from: number, to: number): ReturnType<typeof graftPreview> {
    const agent = this.controller.find(this.target);
    const path = agent?.session?.tree.path() ?? [];
    return graftPreview({ name: this.target, path }, step.source, from, to);
  }
}

/** Opens the picker for the focused agent. */
export function openGraftPicker(app: CockpitApp): Result<string> {
  const target = app.controller.focused();
  if (target === undefined) return { ok: false, error: 'no agent to graft into' };
  const flow = new GraftPickerFlow(app.controller, target, Date.now);
  const leave = app.modes.enter('graft');
  const overlay = app.view.open((host) => new GraftPickerOverlay(host, {
    model: () => flow.model(),
    onKey: (key) => {
      const outcome = flow.handleKey(key);
      switch (outcome.kind) {
        case 'keep':
          return 'keep';
        case 'close':
          leave();
          return 'close';
        case 'ask-file':
          app.view.openTextInput({
            title: 'transcript file (an agentmux journal or a Claude Code .jsonl) — Enter reads it, Esc back',
            onSubmit: (path) => {
              if (path.trim() !== '') flow.choose(path.trim());
              overlay.draw();
            },
            onClose: () => overlay.draw(),
          });
          return 'keep';
        case 'graft':
          leave();
          // Closed first, so the status line and the pane show the result.
          setImmediate(() => app.run(outcome.line));
          return 'close';
      }
    },
  }));
  return { ok: true, value: `graft into ${target}: pick a source` };
}

/** Other agents first, then stored sessions not open in a pane, then a transcript file. */
function sourceChoices(controller: Controller, target: string, now: number): SourceChoice[] {
  const choices: SourceChoice[] = [];
  const open = new Set<string>();
  for (const agent of controller.allAgents()) {
    if (agent.session !== undefined) open.add(agent.session.id);
    if (agent.name === target || agent.session === undefined) continue;
    const turns = agent.session.view().turnCount;
    choices.push({ text: `agent   ${agent.name.padEnd(20)} ${plural(turns, 'turn')}`, reference: agent.name });
  }
  const stored = [...controller.sessions()].filter((s) => !open.has(s.id)).sort((a, b) => b.updated - a.updated);
  for (const s of stored) {
    choices.push({ text: `stored  ${s.name.padEnd(20)} ${plural(s.turns, 'turn').padEnd(9)} ${relativeTime(s.updated, now)}`, reference: s.id });
  }
  choices.push({ text: 'transcript file…', reference: undefined });
  return choices;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function parseRange(text: string): { from: number; to: number } | undefined {
  const match = /^(\d+)(?:\.\.(\d+))?$/.exec(text);
  if (match === null) return undefined;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return { from, to };
}

function movement(key: KeyPress, selected: number, count: number): number | undefined {
  const last = Math.max(0, count - 1);
  switch (key.full) {
    case 'up':
    case 'k':
      return Math.max(0, selected - 1);
    case 'down':
    case 'j':
      return Math.min(last, selected + 1);
    case 'pageup':
      return Math.max(0, selected - 10);
    case 'pagedown':
      return Math.min(last, selected + 10);
    case 'home':
      return 0;
    case 'end':
      return last;
    default:
      return undefined;
  }
}
