// The running cockpit: the view, the controller and the app's own state (tiling, zoom, the mode
// stack, last message, prompt history). Every key runs a command line from the key table
// (src/core/key-table.ts) through `dispatch`, over core's commands and the app's.
import type { Agent } from '../core/agent.js';
import type { Command, CommandOutcome, CommandResult } from '../core/command.js';
import type { Controller } from '../core/controller.js';
import { dispatchWith } from '../core/dispatch.js';
import type { Disposable } from '../core/events.js';
import { commandRowFor, type ModeName } from '../core/key-table.js';
import type { Tiling } from '../core/layout-file.js';
import { zoomed, type Rect } from '../core/layout-solver.js';
import type { Result } from '../core/result.js';
import type { CockpitView } from '../view/cockpit-view.js';
import type { KeyPress } from '../view/overlays/overlay.js';
import { WaitingBell } from '../view/waiting-bell.js';
import { AgentTranscripts } from './agent-transcripts.js';
import { buildCockpitModel, type StatusMessage } from './cockpit-model.js';
import { baseModes, shownMode } from './held-mode.js';
import type { LoadingPane } from './loading-panes.js';
import { runEditFlow } from './edit-flow.js';
import { ExternalEdits } from './external-edits.js';
import { wireMouse } from './mouse.js';
import { waitingAfterFocus } from './commands/attention.js';
import { commandTable } from './commands/index.js';
import { openPager } from './help.js';
import { pasteInNormalMode } from './composer-flow.js';
import { ComposerMemory } from './composer-memory.js';
import { MessageLog } from './message-log.js';
import { ModeStack } from './mode-stack.js';
import { syncPtyPanes, watchPtyScreens } from './pty-attach.js';
import { quitQuestion } from './quit-question.js';
import { TilingCache } from './tiling-cache.js';
import type { RunViewFlow } from './workflow/run-view-flow.js';
import { choosePanes } from '../core/pane-choice.js';
import { RunPanes } from './workflow/run-panes.js';
import { InnerResults } from './inner-results.js';

export type CockpitAppOptions = {
  readonly view: CockpitView;
  readonly controller: Controller;
  readonly tiling: Tiling;
  readonly banner: string | undefined;
  readonly editor: string | undefined;
  /** Called once the person has quit (after any confirmation). */
  readonly onQuit: () => void;
  /** Where copy mode saves `clipboard.txt` (the session store); the temp dir when absent. */
  readonly clipboardDir?: string;
  /** Panes still loading at start (src/app/startup.ts), drawn after the loaded ones. */
  readonly loading?: () => readonly LoadingPane[];
  /** The session store (DIR): the session browser lists its runs (DIR/runs). */
  readonly storeDir?: string;
  /** Why bash runs unsandboxed (an approval of a bash call says so), or undefined. */
  readonly unsandboxed?: string | undefined;
  /** The cockpit's log (DIR/agentmux.log): where a shutdown says which edit files it kept. */
  readonly log?: (line: string) => void;
};

/** The app state and behaviour behind the keys. */
export class CockpitApp {
  readonly view: CockpitView;
  readonly controller: Controller;
  readonly transcripts: AgentTranscripts;
  tiling: Tiling;
  zoom = false;
  /** The modes open over normal mode; the top one names the status bar's mode and hints. */
  readonly modes = new ModeStack(() => this.scheduleUpdate());
  /** What overlay actions show, for their `*-do` commands to answer with (inner-results.ts). */
  readonly inner = new InnerResults();
  /** Core's commands and the app's, bound to this cockpit: what keys and the `:` prompt run. */
  readonly commands: readonly Command[];
  message: StatusMessage | undefined;
  /** Every status line shown, for `show-messages`. */
  readonly messageLog = new MessageLog();
  /** The result of a command that opened an overlay: it goes from the status line when the overlay closes. */
  private overlayMessage: StatusMessage | undefined;
  readonly history: string[] = [];
  /** The composer's per-agent history and drafts (src/app/composer-memory.ts). */
  readonly composer: ComposerMemory;
  /** The $VISUAL/$EDITOR sessions open (src/app/external-edits.ts): ended, their text kept, at shutdown. */
  readonly editors: ExternalEdits;
  /** The PTY agent the keyboard is attached to (src/app/pty-attach.ts), and the way out of its mode. */
  attached: { readonly name: string; readonly leave: () => void } | undefined;
  /** The run view and the runs' trees, once workflow runs are wired (app/workflow/cockpit-run-start.ts). */
  runView: RunViewFlow | undefined;
  private rects: ReadonlyMap<string, Rect> = new Map();
  private readonly tilingCache = new TilingCache();
  /** The workflow agents whose calls resolved: they give their panes up (src/core/pane-choice.ts). */
  readonly runPanes = new RunPanes(() => this.scheduleUpdate());
  private shown: readonly string[] = [];
  private pending = false;
  private readonly subscription: Disposable;
  private readonly screens: Disposable;
  private readonly unwireMouse: () => void;
  private quitting = false;
  /** Set while a line from `agentmux ctl` runs: commands never ask to confirm over ctl. */
  private unattended = false;
  /** Rings once per workflow agent whose call waits on an approval (DESIGN.md §9 Approvals). */
  private readonly waitingBell: WaitingBell;

  constructor(private readonly options: CockpitAppOptions) {
    this.view = options.view;
    this.controller = options.controller;
    this.tiling = options.tiling;
    this.commands = commandTable(this);
    this.waitingBell = new WaitingBell(() => this.view.bell());
    this.composer = new ComposerMemory(options.clipboardDir);
    this.editors = new ExternalEdits(this.view, options.log ?? (() => undefined));
    this.transcripts = new AgentTranscripts(this.controller, () => this.scheduleUpdate(), () => this.view.requestRender());
    this.subscription = this.controller.events.on((event) => {
      if (event.type === 'agent-removed' || event.type === 'agent-added') this.scheduleUpdate();
      // Once per entry into the state: setState emits only on a change. A workflow agent's
      // approval rings once per agent instead (its call turns waiting on you).
      if (event.type === 'state' && event.state === 'awaiting-approval') {
        if (this.controller.find(event.agent)?.config.run === undefined) this.view.bell();
        this.scheduleUpdate();
      }
      if (event.type === 'call-state') this.waitingBell.heard(event);
    });
    this.screens = watchPtyScreens(this.controller, this.view);
    this.view.beforeFrame(() => {
      if (this.pending) this.update();
    });
    this.view.onKey((key) => this.handleKey(key));
    this.view.onOverlayKey((key) => this.overlayKey(key));
    this.view.onPaste((text) => pasteInNormalMode(this, text));
    this.unwireMouse = wireMouse(this);
    this.update();
  }

  /** Whether the line running now came from `agentmux ctl` (then nothing asks to confirm). */
  get unattendedLine(): boolean {
    return this.unattended;
  }

  /** The session store, when the cockpit has one on disk (its runs are listed in the session browser). */
  get storeDir(): string | undefined {
    return this.options.storeDir;
  }

  /** The $VISUAL/$EDITOR command, or undefined for the in-app editor. */
  get editorCommand(): string | undefined {
    return this.options.editor;
  }

  /** Where copy mode saves `clipboard.txt`. */
  get clipboardDir(): string | undefined {
    return this.options.clipboardDir;
  }

  /** Rebuilds the model and the rects and hands them to the view (which coalesces frames). */
  update(): void {
    this.pending = false;
    const area = this.view.paneArea();
    const loading = this.options.loading?.() ?? [];
    const focused = this.controller.panes.focused();
    const candidates = [...this.controller.allAgents().map((agent) => this.runPanes.candidate(agent)), ...loading.map((pane) => ({ name: pane.name, role: 'own' as const }))];
    const names = choosePanes(candidates, focused, area);
    this.shown = names;
    if (this.overlayMessage !== undefined && this.modes.top() === 'normal') {
      if (this.message === this.overlayMessage) this.message = undefined;
      this.overlayMessage = undefined;
    }
    this.messageLog.note(this.message);
    this.rects = this.zoom && focused !== undefined ? zoomed(focused, area) : this.tilingCache.solve(this.tiling, names, area);
    syncPtyPanes(this, this.rects);
    const model = buildCockpitModel({
      controller: this.controller,
      transcriptOf: (agent: Agent) => this.transcripts.of(agent),
      mode: shownMode(this.modes.top(), this.controller),
      message: this.message,
      banner: this.options.banner,
      attached: this.attached?.name,
      zoomed: this.zoom && focused !== undefined,
      loading,
      run: this.runView?.statusLine(),
      markOf: (agent) => this.runView?.paneMark(agent),
      shown: new Set(names),
      unsandboxed: this.options.unsandboxed,
    });
    this.view.update(model, this.rects);
  }

  /** Many events become one update, made at the start of the next frame (CockpitView.beforeFrame). */
  scheduleUpdate(): void {
    if (this.pending) return;
    this.pending = true;
    this.view.requestRender();
  }

  /** The panes of the last update, zoomed or not, in order (Tab steps through them). */
  shownPanes(): readonly string[] {
    return this.shown;
  }

  /** The rects of the last update (for C-arrow moves). */
  paneRects(): ReadonlyMap<string, Rect> {
    return this.rects;
  }

  setTiling(tiling: Tiling): void {
    this.tiling = tiling;
    this.zoom = false;
  }

  /** Shows a result in the status bar. */
  show(result: Result<string>): void {
    this.inner.record(result.ok ? { kind: 'ok', message: result.value, value: null } : { kind: 'error', code: 'failed', message: result.error });
    this.display(result);
  }

  private display(result: Result<string>): void {
    this.message = result.ok ? { text: result.value, isError: false } : { text: result.error, isError: true };
    this.update();
  }

  /** Runs a command line as the `:` prompt would; shows its result. */
  run(line: string): void {
    this.apply(this.dispatch(line), line.trim().replace(/^:/, ''));
  }

  /** Runs a command line from `agentmux ctl`: as `run`, but nothing asks to confirm. */
  runUnattended(line: string): CommandResult {
    this.unattended = true;
    try {
      const result = this.dispatch(line);
      this.apply(result, line.trim().replace(/^:/, ''));
      return result;
    } finally {
      this.unattended = false;
    }
  }

  /** Runs a command line through the cockpit's table (core's and the app's commands); the result, not shown. */
  dispatch(line: string): CommandResult {
    this.inner.forget();
    return dispatchWith(this.commands, this.controller, line);
  }

  /**
   * A key with no overlay open: normal mode is at the bottom of the stack, and the approval
   * mode above it while the focused agent waits on a tool call; the first mode with a row for
   * the key runs the row's command line.
   */
  handleKey(key: KeyPress): void {
    // A chord (C-x, M-x) is its own key, never the letter's (B3): only its full name can match.
    const chord = key.ctrl || key.meta;
    const names = chord ? [key.full] : [key.full, key.ch, key.name];
    const focused = this.controller.panes.focused();
    const awaiting = focused !== undefined && this.controller.find(focused)?.state === 'awaiting-approval';
    // The approval mode, or the hold mode (a held answer, issue 16), over normal mode.
    const modes: readonly ModeName[] = baseModes(this.controller);
    for (const mode of modes) {
      const row = commandRowFor(mode, names);
      if (row !== undefined) {
        this.run(row.line);
        return;
      }
    }
    if (chord) this.show({ ok: false, error: `${key.full} is not bound: it does nothing (? lists the keys)` });
    else if (!awaiting && ['y', 'a'].includes(key.full)) this.pointToApprovals();
  }

  /** `y` or `a` where nothing waits: say which agent does (B16), or that none does. */
  private pointToApprovals(): void {
    const [waiting] = waitingAfterFocus(this);
    this.show({ ok: false, error: waiting === undefined ? 'nothing waits for an approval' : `nothing to approve here: ${waiting} waits for an approval (W goes there)` });
  }

  /**
   * A key while an overlay is open: the top mode's row for it runs its command line (a row that
   * passes keys down then lets the key act below); false leaves the key to the overlay (typed text).
   */
  overlayKey(key: KeyPress): boolean {
    const row = commandRowFor(this.modes.top(), [key.full, key.ch, key.name]);
    if (row === undefined) return false;
    this.run(row.line);
    if (row.passesDown === true) {
      if (!this.view.overlayOpen) this.handleKey(key);
      else this.overlayKey(key);
    }
    return true;
  }

  /** Applies a command's result: status message (a result longer than a line opens the pager), editor. */
  apply(result: CommandOutcome, line?: string): void {
    // An overlay action's inner result (inner-results.ts), answered by its `*-do` command: on the screen already.
    if (this.inner.alreadyShown(result)) return this.update();
    this.inner.record(result);
    switch (result.kind) {
      case 'ok':
        // An overlay key's command (src/app/commands/overlay-keys.ts): the overlay shows what it did.
        if (result.message === '') return this.update();
        if (result.message.includes('\n')) return this.showLong(result.message, line);
        this.display({ ok: true, value: result.message });
        // "graft into X: pick a source" must not outlive the picker it describes.
        if (this.modes.top() !== 'normal') this.overlayMessage = this.message;
        return;
      case 'error':
        this.display({ ok: false, error: result.message });
        return;
      case 'open-editor': {
        // The status bar says what keys do while the entry is being edited (the in-app text area).
        const leave = this.modes.enter('edit');
        void runEditFlow(this.view, this.editors, this.controller, result, this.options.editor).then((outcome) => {
          leave();
          this.show(outcome);
        });
        return;
      }
    }
  }

  /**
   * A result longer than a line: the pager at `:` or a key. Asked over ctl it is output for the
   * caller, who prints it: the person's screen only says so (no pager opened, none stacked).
   * Commands that open an overlay on purpose (help, the session browser…) still open it.
   */
  private showLong(text: string, line: string | undefined): void {
    const count = text.split('\n').length;
    if (this.unattended) return this.display({ ok: true, value: `${line ?? 'result'}: ${count} lines (sent to agentmux ctl)` });
    this.display({ ok: true, value: `${line ?? 'result'}: ${count} lines (in the pager)` });
    openPager(this, `:${line ?? ''}`, [{ heading: '', text }]);
  }

  /** Asks `question` in the confirm mode: `y` runs `onConfirm`, any other key says `cancelled` (issue 16: a costly run). */
  askToConfirm(question: string, onConfirm: () => void, cancelled: string): void {
    let confirmed = false;
    const confirm = this.view.openConfirm({
      question,
      onConfirm: () => {
        confirmed = true;
        onConfirm();
      },
      onClose: () => {
        leave();
        if (!confirmed) this.show({ ok: true, value: cancelled });
      },
    });
    const leave = this.modes.enter('confirm', { kind: 'confirm', answer: (yes) => confirm.answer(yes) });
    this.update();
  }

  /** Quit: asks `y` to confirm only while an agent works, a PTY program runs or messages wait; says which it did. */
  requestQuit(): string {
    if (this.quitting) return 'quitting';
    const question = quitQuestion(this.controller.allAgents(), this.controller.workflows?.live() ?? []);
    if (question === undefined || this.unattended) {
      this.quit();
      return 'quitting';
    }
    const confirm = this.view.openConfirm({
      question: `${question} y / any other key cancels`,
      onConfirm: () => this.quit(),
      // The question was the status message too: answered no, it must not stay there asking.
      onClose: () => {
        leave();
        this.show({ ok: true, value: 'quit cancelled' });
      },
    });
    const leave = this.modes.enter('confirm', { kind: 'confirm', answer: (yes) => confirm.answer(yes) });
    return `${question} y quits / any other key cancels`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.unwireMouse();
    this.screens.dispose();
    this.view.captureInput(undefined);
    this.transcripts.dispose();
  }

  private quit(): void {
    this.quitting = true;
    this.options.onQuit();
  }
}
