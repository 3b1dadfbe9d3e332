// `g`: the graft picker flow. Step 1 picks a SOURCE (another agent, a stored session, or a
// transcript file), step 2 a turn range with a live preview; Enter dispatches
// `graft -t AGENT SOURCE FROM..TO` like the prompt would. Esc backs out a step, then closes.
import type { Controller } from '../core/controller.js';
import type { GraftSource } from '../core/history-ops.js';
import { movedIndex, type Move } from '../core/list-move.js';
import type { Result } from '../core/result.js';
import { GraftPickerOverlay, type GraftPickerModel, type GraftPickerRow } from '../view/overlays/graft-picker.js';
import type { KeyPress } from '../view/overlays/overlay.js';
import { typedText } from '../view/overlays/overlay.js';
import type { CockpitApp } from './cockpit-app.js';
import { graftPreview, turnRows, type TurnRow } from './graft-picker-preview.js';
import { relativeTime, shownTurns } from './session-browser-rows.js';

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
/** What an action asks of the app beyond redrawing. */
export type GraftOutcome = { kind: 'keep' } | { kind: 'close' } | { kind: 'ask-file' } | { kind: 'graft'; line: string };

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

  /** `graft-picker-move MOVE`: the selection in the current list (a page is 10 rows). */
  move(move: Move): void {
    this.problem = undefined;
    const step = this.step;
    const count = step.kind === 'source' ? this.sources.length : step.rows.length;
    step.selected = movedIndex(move, step.selected, count, 10);
  }

  /** Esc: clears a typed range, then FROM, then goes back to the sources; closes from there. */
  back(): GraftOutcome {
    this.problem = undefined;
    const step = this.step;
    if (step.kind === 'source') return { kind: 'close' };
    if (step.typed !== '') step.typed = '';
    else if (step.from !== undefined) step.from = undefined;
    else this.step = { kind: 'source', selected: Math.max(0, this.sources.findIndex((s) => s.reference === step.reference)) };
    return { kind: 'keep' };
  }

  /** Enter: picks the source, sets FROM, or (FROM set, or a range typed) decides the graft. */
  enter(): GraftOutcome {
    this.problem = undefined;
    const step = this.step;
    if (step.kind === 'source') {
      const choice = this.sources[step.selected];
      if (choice === undefined) return { kind: 'keep' };
      if (choice.reference === undefined) return { kind: 'ask-file' };
      this.choose(choice.reference);
      return { kind: 'keep' };
    }
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

  /** Typed text in the range step: digits and `.` build FROM..TO, Backspace takes one back (the only keys the picker reads itself). */
  type(key: KeyPress): void {
    const step = this.step;
    if (step.kind === 'source') return;
    const typed = typedText(key);
    if (typed !== undefined && /^[0-9.]$/.test(typed)) {
      this.problem = undefined;
      step.typed += typed;
    } else if (key.full === 'backspace') {
      this.problem = undefined;
      step.typed = step.typed.slice(0, -1);
    }
  }

  /** Step 2 for a SOURCE (a row's, or a file path typed in); false with a problem shown if it cannot be read. */
  choose(reference: string): boolean {
    if (/\s/.test(reference)) {
      this.problem = `a SOURCE cannot contain spaces: "${reference}"`;
      return false;
    }
    const resolved: Result<GraftSource> = this.controller.history.graftSource(reference);
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

  /** The problem the hint line shows now, if any (what an Enter that did not go ahead ran into). */
  get shownProblem(): string | undefined {
    return this.problem;
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
    const path = agent?.kind === 'sdk' ? agent.session.tree.path() : [];
    return graftPreview({ name: this.target, path }, step.source, from, to);
  }
}

/** Opens the picker for the focused agent. */
export function openGraftPicker(app: CockpitApp): Result<string> {
  const target = app.controller.panes.focused();
  if (target === undefined) return { ok: false, error: 'no agent to graft into' };
  // Said before a source and a range are picked, not after (B13: refused only at the end).
  const agent = app.controller.find(target);
  if (agent?.kind === 'sdk' && agent.phase.kind === 'running') return { ok: false, error: `${target} is working: interrupt it first (Esc)` };
  const flow = new GraftPickerFlow(app.controller, target, () => app.controller.clock());
  const follow = (outcome: GraftOutcome): void => {
    switch (outcome.kind) {
      case 'keep':
        return overlay.draw();
      case 'close':
        leave();
        return app.view.close(overlay);
      case 'ask-file': {
        overlay.draw();
        const leaveFile = app.modes.enter('graft-file');
        app.view.openTextInput({
          title: 'transcript file (an agentmux journal or a Claude Code .jsonl) — Enter reads it, Esc back',
          onSubmit: (path) => {
            leaveFile();
            if (path.trim() !== '') flow.choose(path.trim());
            overlay.draw();
          },
          onClose: () => {
            leaveFile();
            overlay.draw();
          },
        });
        return;
      }
      case 'graft':
        leave();
        app.view.close(overlay);
        // Closed first, so the status line and the pane show the result; run now, so it is the
        // action's result (`graft-picker-do enter` over ctl answers with the graft's).
        return app.run(outcome.line);
    }
  };
  const overlay = app.view.open((host) => new GraftPickerOverlay(host, {
    model: () => flow.model(),
    onKey: (key) => {
      flow.type(key);
      return 'keep';
    },
  }));
  const leave = app.modes.enter('graft', {
    kind: 'graft',
    move: (move) => {
      flow.move(move);
      overlay.draw();
    },
    act: (action) => {
      if (action === 'preview-up' || action === 'preview-down') return overlay.pagePreview(action === 'preview-up' ? -1 : 1);
      if (action === 'close') return follow({ kind: 'close' });
      follow(action === 'enter' ? flow.enter() : flow.back());
      // A refusal on the hint line ("2..x is not FROM..TO") is the action's result too.
      const problem = flow.shownProblem;
      if (problem !== undefined) app.inner.record({ kind: 'error', code: 'failed', message: problem });
    },
  });
  return { ok: true, value: `graft into ${target}: pick a source` };
}

/** Other agents first, then stored sessions not open in a pane, then a transcript file. */
function sourceChoices(controller: Controller, target: string, now: number): SourceChoice[] {
  const choices: SourceChoice[] = [];
  const open = new Set<string>();
  for (const agent of controller.allAgents()) {
    if (agent.kind !== 'sdk') continue;
    open.add(agent.session.id);
    if (agent.name === target) continue;
    const turns = agent.session.view().turnCount;
    choices.push({ text: `agent   ${agent.name.padEnd(20)} ${plural(turns, 'turn')}`, reference: agent.name });
  }
  const stored = [...controller.storedSessions.list()].filter((s) => !open.has(s.id)).sort((a, b) => b.updated - a.updated);
  for (const s of stored) {
    choices.push({ text: `stored  ${s.name.padEnd(20)} ${plural(shownTurns(s), 'turn').padEnd(9)} ${relativeTime(s.updated, now)}`, reference: s.id });
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

