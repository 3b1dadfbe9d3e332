// The whole screen: panes (created and removed as the model's panes change), the status bar
// and a stack of modal overlays. Keys go to the top overlay, else to the app's handler.
import type blessed from 'blessed';
import { newBox } from './blessed-widgets.js';
import { StringDecoder } from 'node:string_decoder';
import type { CockpitModel } from '../core/cockpit-view-model.js';
import type { Rect } from '../core/layout-solver.js';
import type { Result } from '../core/result.js';
import { runExternalEditor } from './editor-suspend.js';
import { ComposerOverlay, type ComposerOptions } from './overlays/composer.js';
import { ConfirmOverlay, type ConfirmOptions } from './overlays/confirm.js';
import { PagerOverlay, type PagerOptions } from './overlays/pager.js';
import type { KeyPress, Overlay, OverlayHost } from './overlays/overlay.js';
import { PickerOverlay, type PickerOptions } from './overlays/picker.js';
import { PromptOverlay, type PromptOptions } from './overlays/prompt.js';
import { ReceiptsOverlay, type ReceiptsOptions } from './overlays/receipts.js';
import { TextAreaOverlay, type TextAreaOptions } from './overlays/text-area.js';
import { TextInputOverlay, type TextInputOptions } from './overlays/text-input.js';
import { syncPane, type AgentPane } from './pty-pane.js';
import { splitMouseInput } from './mouse-input.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from './paste-input.js';
import { PasteRouter } from './paste-router.js';
import { RenderScheduler, type FrameClock } from './render-scheduler.js';
import { drawChangedRows } from './screen-draw.js';
import type { TerminfoCache } from '../core/terminfo-cache.js';
import { createScreen, type ScreenHandle } from './screen.js';
import { hiddenPanesNote, noticeFor, ScreenNotice } from './screen-notice.js';
import { isHiddenRect } from './pane-surface.js';
import { ScreenCanvas } from './screen-canvas.js';
import { STATUS_HEIGHT, StatusBar } from './status-bar.js';

export type CockpitViewOptions = {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  readonly title: string;
  /** Parsed terminfo kept between starts (view/terminfo-loader.ts). */
  readonly terminfoCache?: TerminfoCache;
  /** The terminal was resized: the app solves the layout for `area` and calls `update`. */
  readonly onResize?: (area: Rect) => void;
  /** A key in normal mode (no overlay open). The view renders right after it returns. */
  readonly onKey?: (key: KeyPress) => void;
  /** Text pasted in normal mode (no overlay open); it never acts as keys. */
  readonly onPaste?: (text: string) => void;
  readonly clock?: FrameClock;
};

const NOWHERE: Rect = { x: 0, y: 0, width: 0, height: 0 };

function sameRect(a: Rect | undefined, b: Rect): boolean {
  return a !== undefined && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** Owns the screen and everything drawn on it; the app drives it with models and rects. */
export class CockpitView implements OverlayHost {
  readonly screen: blessed.Widgets.Screen;
  private readonly handle: ScreenHandle;
  private readonly layer: blessed.Widgets.BoxElement;
  private readonly status: StatusBar;
  private readonly panes = new Map<string, AgentPane>();
  /** While set, typed bytes go here and no key acts (a PTY pane is attached). */
  private rawInput: ((data: string) => void) | undefined;
  private readonly overlays: Overlay[] = [];
  private readonly scheduler: RenderScheduler;
  private keyHandler: ((key: KeyPress) => void) | undefined;
  private overlayKeyHandler: ((key: KeyPress) => boolean) | undefined;
  private pasteHandler: ((text: string) => void) | undefined;
  private readonly pasteRouter: PasteRouter;
  private readonly decoder = new StringDecoder('utf8');
  private frameWork: (() => void) | undefined;
  private readonly canvas: ScreenCanvas;
  /** Where each pane was last put; a change (or a pane added or removed) needs a whole-screen render. */
  private readonly placed = new Map<string, Rect>();
  /** The next frame redraws the whole screen through blessed (something moved, opened or closed). */
  private wholeFrame = true;
  private readonly notice: ScreenNotice;
  private paneCount = 0;
  /** Panes whose rect is too small to draw in (see `noticeFor`). */
  private hiddenCount = 0;

  constructor(private readonly options: CockpitViewOptions) {
    this.handle = createScreen({
      title: options.title,
      ...(options.input === undefined ? {} : { input: options.input }),
      ...(options.output === undefined ? {} : { output: options.output }),
      ...(options.terminfoCache === undefined ? {} : { terminfoCache: options.terminfoCache }),
    });
    this.screen = this.handle.screen;
    this.keyHandler = options.onKey;
    this.pasteHandler = options.onPaste;
    const area = this.paneArea();
    this.layer = newBox({ parent: this.screen, left: 0, top: 0, width: area.width, height: area.height, tags: false });
    this.status = new StatusBar(this.screen);
    this.canvas = new ScreenCanvas(this.screen);
    this.notice = new ScreenNotice(this.layer);
    // Whenever blessed redraws the screen (our whole frames, a resize, the editor's return), it has
    // just blanked the pane area: paint every pane over it, before the overlays above are drawn.
    this.layer.on('render', () => this.paintPanes(true));
    this.scheduler = new RenderScheduler(() => this.frame(), options.clock);
    this.screen.on('keypress', (ch: string | undefined, key: blessed.Widgets.Events.IKeyEventArg) => this.onKeypress(ch, key));
    this.screen.on('resize', () => this.onScreenResize());
    // The program's 'data' comes before blessed reads the same chunk as keys (keypress).
    this.pasteRouter = new PasteRouter(this.screen.program, (text) => this.deliverPaste(text));
    this.screen.program.on('data', (data: unknown) => this.onInputData(data));
    this.screen.program.write(BRACKETED_PASTE_ON);
  }

  /** Sets the handler of text pasted in normal mode. */
  onPaste(handler: (text: string) => void): void {
    this.pasteHandler = handler;
  }

  /** Where panes may go: the screen less the status bar. */
  paneArea(): Rect {
    return { x: 0, y: 0, width: this.screen.cols, height: Math.max(0, this.screen.rows - STATUS_HEIGHT) };
  }

  /** Applies a model and the rects the layout solver gave its panes, then schedules a frame. */
  update(model: CockpitModel, rects: ReadonlyMap<string, Rect>): void {
    const seen = new Set<string>();
    for (const paneModel of model.panes) {
      seen.add(paneModel.name);
      const existing = this.panes.get(paneModel.name);
      const pane = syncPane(existing, paneModel);
      if (pane !== existing) this.wholeFrame = true;
      this.panes.set(paneModel.name, pane);
      const rect = rects.get(paneModel.name) ?? NOWHERE;
      if (!sameRect(this.placed.get(paneModel.name), rect)) this.wholeFrame = true;
      this.placed.set(paneModel.name, rect);
      pane.setRect(rect);
    }
    for (const [name, pane] of this.panes) {
      if (seen.has(name)) continue;
      pane.dispose();
      this.panes.delete(name);
      this.placed.delete(name);
      this.wholeFrame = true;
    }
    this.paneCount = model.panes.length;
    // Panes left without space (more panes than the terminal holds) are said, never just blank.
    this.hiddenCount = model.status.zoomed === true ? 0 : model.panes.filter((pane) => isHiddenRect(rects.get(pane.name) ?? NOWHERE)).length;
    const note = hiddenPanesNote(this.paneCount, this.hiddenCount);
    this.status.setModel(note === undefined || model.status.message !== undefined ? model.status : { ...model.status, message: { text: note, isError: true } });
    this.syncNotice();
    this.requestRender();
  }

  // An empty cockpit says what to press; a terminal too small for panes says so (screen-notice.ts).
  private syncNotice(): void {
    const text = noticeFor(this.paneCount, { cols: this.screen.cols, rows: this.screen.rows }, this.hiddenCount);
    if (this.notice.set(text, this.paneArea())) this.wholeFrame = true;
  }

  /** The pane of an agent, for scrolling (`pageUp`, `scrollToBottom`…). */
  pane(name: string): AgentPane | undefined {
    return this.panes.get(name);
  }

  /** Sends every typed byte to `handler` (no key acts) until called with undefined: attach to a PTY pane. */
  captureInput(handler: ((data: string) => void) | undefined): void {
    if (handler !== undefined) {
      this.rawInput = handler;
      return;
    }
    // The rest of the chunk being read (keys typed after C-q) must not act in normal mode:
    // its keypresses come right after this call, in the same tick. Release after them.
    const swallow = (): void => undefined;
    this.rawInput = swallow;
    setImmediate(() => {
      if (this.rawInput === swallow) this.rawInput = undefined;
    });
  }

  /** Writes a control sequence (OSC 52 copy) to the terminal through blessed's output, outside frames. */
  writeToTerminal(sequence: string): void {
    this.screen.program.write(sequence);
  }

  /** Sets the normal-mode key handler. */
  onKey(handler: (key: KeyPress) => void): void {
    this.keyHandler = handler;
  }

  /** Sets the handler that sees a key before the top overlay (unless it edits text); true: it ran a command for the key, the overlay does not see it. */
  onOverlayKey(handler: (key: KeyPress) => boolean): void {
    this.overlayKeyHandler = handler;
  }

  /** Rings the terminal bell (an agent started waiting for the user's approval). */
  bell(): void {
    this.screen.program.bell();
  }

  /**
   * Runs `work` at the start of every frame, before the panes are read: the app rebuilds its
   * model there once per frame rather than once per event tick. Requests it makes are that frame.
   */
  beforeFrame(work: () => void): void {
    this.frameWork = work;
  }

  /** Something changed (a transcript grew): draw it in the next frame. */
  requestRender(): void {
    this.scheduler.request();
  }

  /** Draw at once (after a key). */
  renderNow(): void {
    this.scheduler.renderNow();
  }

  /** True while any overlay is open (keys then go to it, not to the app). */
  get overlayOpen(): boolean {
    return this.overlays.length > 0;
  }

  /**
   * A wheel notch while overlays are open: the top one scrolls (if it can) and true is returned, so
   * the panes below never move; false when every open overlay leaves the panes in sight (or none is open).
   */
  wheelOverOverlays(rows: number): boolean {
    if (this.overlays.every((overlay) => overlay.leavesPanesInSight === true)) return false;
    this.overlays[this.overlays.length - 1]?.scroll?.(rows);
    return true;
  }

  /** Opens an overlay on top of the others; it receives every key until it closes. */
  open<T extends Overlay>(create: (host: OverlayHost) => T): T {
    const overlay = create(this);
    this.overlays.push(overlay);
    this.wholeFrame = true;
    this.requestRender();
    return overlay;
  }

  openPrompt(options: PromptOptions): PromptOverlay {
    return this.open((host) => new PromptOverlay(host, options));
  }

  openTextInput(options: TextInputOptions): TextInputOverlay {
    return this.open((host) => new TextInputOverlay(host, options));
  }

  openComposer(options: ComposerOptions): ComposerOverlay {
    return this.open((host) => new ComposerOverlay(host, options));
  }

  openTextArea(options: TextAreaOptions): TextAreaOverlay {
    return this.open((host) => new TextAreaOverlay(host, options));
  }

  openPager(options: PagerOptions): PagerOverlay {
    return this.open((host) => new PagerOverlay(host, options));
  }

  openPicker(options: PickerOptions): PickerOverlay {
    return this.open((host) => new PickerOverlay(host, options));
  }

  openReceipts(options: ReceiptsOptions): ReceiptsOverlay {
    return this.open((host) => new ReceiptsOverlay(host, options));
  }

  openConfirm(options: ConfirmOptions): ConfirmOverlay {
    return this.open((host) => new ConfirmOverlay(host, options));
  }

  /** Removes an overlay (OverlayHost); overlays call it themselves when they finish. */
  close(overlay: Overlay): void {
    const index = this.overlays.indexOf(overlay);
    if (index < 0) return;
    this.overlays.splice(index, 1);
    overlay.destroy();
    this.wholeFrame = true;
    this.requestRender();
  }

  /** Runs $VISUAL/$EDITOR on `file` with the screen suspended; redraws everything after. `onStart` gets the editor's pid. */
  editExternally(command: string, file: string, onStart?: (pid: number) => void): Promise<Result<void, string>> {
    return runExternalEditor(this.screen, command, file, onStart);
  }

  /** Stops frames, removes every widget and gives the terminal back. */
  dispose(): void {
    this.scheduler.dispose();
    for (const overlay of this.overlays.splice(0)) overlay.destroy();
    for (const pane of this.panes.values()) pane.dispose();
    this.panes.clear();
    this.status.dispose();
    this.screen.program.write(BRACKETED_PASTE_OFF);
    this.handle.dispose();
  }

  /**
   * One frame. Panes are painted into blessed's buffer by their surfaces (only the rows that
   * changed); blessed renders every widget only when something moved, opened or closed, or a
   * widget other than the panes and the status bar is on screen (an overlay, which must stay on
   * top). Otherwise the frame is the changed pane rows, the status bar if it changed, and
   * blessed's diff of the dirty rows to the terminal.
   */
  private frame(): void {
    this.frameWork?.();
    for (const pane of this.panes.values()) pane.refresh();
    const statusChanged = this.status.refresh();
    if (this.wholeFrame || this.overlays.length > 0 || !this.onlyPanesOnScreen()) {
      this.wholeFrame = false;
      this.screen.render();
      return;
    }
    if (!this.canvas.begin() || this.canvas.rows === 0) return;
    this.screen.emit('prerender');
    this.paintPanes(false);
    if (statusChanged) this.status.paint(this.canvas);
    drawChangedRows(this.screen, 0, this.canvas.rows - 1);
    this.screen.emit('render');
  }

  private onlyPanesOnScreen(): boolean {
    return this.screen.children.every((child) => child === this.layer || this.status.owns(child));
  }

  private paintPanes(force: boolean): void {
    if (this.notice.shown || !this.canvas.begin()) return;
    for (const pane of this.panes.values()) pane.surface.paint(this.canvas, force);
  }

  private onInputData(data: unknown): void {
    const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? this.decoder.write(data) : '';
    if (this.rawInput !== undefined) {
      // Mouse reports never reach the child: mouse-input.ts feeds the keys of such a chunk back alone.
      // A paste goes to the attached program as the terminal sent it (its own bracketed paste, if it asked).
      if (text !== '' && !splitMouseInput(text).hadMouse) this.rawInput(text);
      return;
    }
    this.pasteRouter.onData(text);
  }

  /** A whole paste: into the open input (an overlay without one drops it), else the app's paste handler. */
  private deliverPaste(text: string): void {
    const top = this.overlays[this.overlays.length - 1];
    if (top !== undefined) top.paste?.(text);
    else this.pasteHandler?.(text);
    this.renderNow();
  }

  private onKeypress(ch: string | undefined, event: blessed.Widgets.Events.IKeyEventArg): void {
    // Attached: the bytes went to the child already (program 'data' comes before 'keypress').
    if (this.rawInput !== undefined) {
      this.renderNow();
      return;
    }
    // Keys read out of pasted text never act (the paste went to the input as text).
    if (this.pasteRouter.swallowKeys) return;
    // blessed reports Enter twice: as `return`, then again as `enter`; keep the second
    // (Alt-Enter comes only as `M-return`: the composer's newline key).
    if (event.name === 'return' && !event.meta) return;
    const key: KeyPress = {
      full: event.full,
      name: event.name,
      ch: ch ?? undefined,
      ctrl: event.ctrl,
      meta: event.meta,
      shift: event.shift,
    };
    // Where text is being typed, an Alt key stays one key (ignored): split, Alt-x would close the
    // prompt or drop an edit in progress, and then act in normal mode.
    const typing = this.overlays[this.overlays.length - 1]?.editsText === true;
    for (const one of typing ? [key] : splitEscapePrefix(key)) {
      const top = this.overlays[this.overlays.length - 1];
      if (top === undefined) this.keyHandler?.(one);
      else if (top.editsText === true || this.overlayKeyHandler?.(one) !== true) top.handleKey(one);
    }
    this.renderNow();
  }

  private onScreenResize(): void {
    this.wholeFrame = true;
    const area = this.paneArea();
    this.layer.width = area.width;
    this.layer.height = area.height;
    this.syncNotice();
    for (const overlay of this.overlays) overlay.draw();
    this.options.onResize?.(area);
    this.requestRender();
  }
}

const ESCAPE: KeyPress = { full: 'escape', name: 'escape', ch: '\x1b', ctrl: false, meta: false, shift: false };

/**
 * Two Esc presses in one read reach blessed as one `M-escape`: they are two Esc keys. Any other
 * Alt key stays a chord of its own (B3): `M-z` is not `Esc z`, so Alt never interrupts or closes.
 */
export function splitEscapePrefix(key: KeyPress): KeyPress[] {
  if (key.meta && !key.ctrl && key.name === 'escape') return [ESCAPE, ESCAPE];
  return [key];
}
