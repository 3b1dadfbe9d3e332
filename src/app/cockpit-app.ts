// The running cockpit: the view, the controller and the app's own state (focus, tiling, zoom,
// mode, last message, prompt history). Keys become command lines or view actions.
import type { Agent } from '../core/agent.js';
import { isBusy } from '../core/agent-state.js';
import type { CommandResult } from '../core/command.js';
import type { Controller } from '../core/controller.js';
import { dispatch } from '../core/dispatch.js';
import type { Disposable } from '../core/events.js';
import { TILING_PRESETS, type Tiling } from '../core/layout-file.js';
import { zoomed, type Rect } from '../core/layout-solver.js';
import type { Result } from '../core/result.js';
import type { CockpitView } from '../view/cockpit-view.js';
import type { KeyPress } from '../view/overlays/overlay.js';
import { AgentTranscripts } from './agent-transcripts.js';
import { buildCockpitModel, type StatusMessage } from './cockpit-model.js';
import type { LoadingPane } from './loading-panes.js';
import { runEditFlow } from './edit-flow.js';
import { wireMouse } from './mouse.js';
import { handleNormalKey } from './normal-keys.js';
import { syncPtyPanes, watchPtyScreens } from './pty-attach.js';
import { TilingCache } from './tiling-cache.js';
import { openSessionBrowser } from './session-browser.js';

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
};

/** The app state and behaviour behind the keys. */
export class CockpitApp {
  readonly view: CockpitView;
  readonly controller: Controller;
  readonly transcripts: AgentTranscripts;
  tiling: Tiling;
  zoom = false;
  mode = 'normal';
  message: StatusMessage | undefined;
  readonly history: string[] = [];
  /** The PTY agent the keyboard is attached to (src/app/pty-attach.ts), if any. */
  attached: string | undefined;
  private rects: ReadonlyMap<string, Rect> = new Map();
  private readonly tilingCache = new TilingCache();
  private pending = false;
  private readonly subscription: Disposable;
  private readonly screens: Disposable;
  private readonly unwireMouse: () => void;
  private quitting = false;
  /** Set while a line from `agentmux ctl` runs: commands never ask to confirm over ctl. */
  private unattended = false;

  constructor(private readonly options: CockpitAppOptions) {
    this.view = options.view;
    this.controller = options.controller;
    this.tiling = options.tiling;
    this.transcripts = new AgentTranscripts(this.controller, () => this.scheduleUpdate());
    this.subscription = this.controller.events.on((event) => {
      if (event.type === 'agent-removed' || event.type === 'agent-added') this.scheduleUpdate();
      // Once per entry into the state: setState emits only on a change.
      if (event.type === 'state' && event.state === 'awaiting-approval') {
        this.view.bell();
        this.scheduleUpdate();
      }
    });
    this.controller.ui = {
      setTiling: (name) => {
        const found = TILING_PRESETS.find((preset) => preset === name);
        if (found === undefined) return { ok: false, error: `unknown tiling "${name}"` };
        this.setTiling(found);
        this.update();
        return { ok: true, value: `tiling ${found}` };
      },
      quit: () => {
        this.requestQuit();
        return { ok: true, value: 'quitting' };
      },
    };
    this.screens = watchPtyScreens(this.controller, this.view);
    this.view.beforeFrame(() => {
      if (this.pending) this.update();
    });
    this.view.onKey((key) => this.onKey(key));
    this.unwireMouse = wireMouse(this);
    this.update();
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
    const names = [...this.controller.allAgents().map((agent) => agent.name), ...loading.map((pane) => pane.name)];
    const focused = this.controller.focused();
    this.rects = this.zoom && focused !== undefined ? zoomed(focused, area) : this.tilingCache.solve(this.tiling, names, area);
    syncPtyPanes(this, this.rects);
    const model = buildCockpitModel({
      controller: this.controller,
      transcriptOf: (agent: Agent) => this.transcripts.of(agent),
      mode: this.mode,
      message: this.message,
      banner: this.options.banner,
      attached: this.attached,
      zoomed: this.zoom && focused !== undefined,
      loading,
    });
    this.view.update(model, this.rects);
  }

  /** Many events become one update, made at the start of the next frame (CockpitView.beforeFrame). */
  scheduleUpdate(): void {
    if (this.pending) return;
    this.pending = true;
    this.view.requestRender();
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
    this.message = result.ok ? { text: result.value, isError: false } : { text: result.error, isError: true };
    this.update();
  }

  /** Runs a command line as the `:` prompt would; shows its result. */
  run(line: string): void {
    this.apply(dispatch(this.controller, line));
  }

  /** Runs a command line from `agentmux ctl`: as `run`, but nothing asks to confirm. */
  runUnattended(line: string): CommandResult {
    this.unattended = true;
    try {
      const result = dispatch(this.controller, line);
      this.apply(result);
      return result;
    } finally {
      this.unattended = false;
    }
  }

  /** Applies a command's result: status message, editor, session list. */
  apply(result: CommandResult): void {
    switch (result.kind) {
      case 'ok':
      case 'receipts':
        this.show({ ok: true, value: result.message });
        return;
      case 'error':
        this.show({ ok: false, error: result.message });
        return;
      case 'sessions':
        this.message = { text: result.message, isError: false };
        openSessionBrowser(this);
        return;
      case 'open-editor':
        // The status bar says what keys do while the entry is being edited (the in-app text area).
        this.setMode('edit');
        void runEditFlow(this.view, this.controller, result, this.options.editor).then((outcome) => {
          this.mode = 'normal';
          this.show(outcome);
        });
        return;
    }
  }

  /** Quit: asks `y` to confirm only while some agent is working. */
  requestQuit(): void {
    if (this.quitting) return;
    const working = this.controller.allAgents().filter((agent) => isBusy(agent.state) || agent.running !== undefined);
    if (working.length === 0 || this.unattended) {
      this.quit();
      return;
    }
    this.mode = 'confirm';
    this.update();
    this.view.openConfirm({
      question: `${working.length} agent${working.length === 1 ? ' is' : 's are'} working (${working.map((a) => a.name).join(', ')}). Quit? y / any other key cancels`,
      onConfirm: () => this.quit(),
      onClose: () => this.setMode('normal'),
    });
  }

  setMode(mode: string): void {
    this.mode = mode;
    this.update();
  }

  dispose(): void {
    this.subscription.dispose();
    this.unwireMouse();
    this.screens.dispose();
    this.view.captureInput(undefined);
    this.transcripts.dispose();
    this.controller.ui = undefined;
  }

  private quit(): void {
    this.quitting = true;
    this.options.onQuit();
  }

  private onKey(key: KeyPress): void {
    handleNormalKey(this, key);
  }
}
