// Copy mode (`[`, as in tmux; `y` in the timeline starts it at an entry): a cursor row in the
// focused transcript. ↑↓ j k move, PgUp PgDn page, g G top / bottom, v or Space starts (or
// drops) a line-wise selection, y copies the selection (or the cursor row) and leaves, Enter
// copies a selection, or else opens the tool call (or thinking) under the cursor in full; / n N search;
// Esc or q leaves. The pane's title shows `[copy]`; the view holds still while in copy mode.
import type { TurnAddress } from '../core/address.js';
import { locate } from '../core/branch.js';
import { movedIndex, type Move } from '../core/list-move.js';
import type { EntryId } from '../core/entry.js';
import type { SearchDirection, TextPosition } from '../core/transcript-search.js';
import { err, ok, type Result } from '../core/result.js';
import type { Transcript } from '../core/transcript.js';
import type { Overlay, OverlayHost } from '../view/overlays/overlay.js';
import type { PaneView } from '../view/pane-view.js';
import type { CockpitApp } from './cockpit-app.js';
import { copyToClipboard } from './copy-mode-clipboard.js';
import { copyText } from './copy-mode-text.js';
import { openPager } from './help.js';
import type { CopyAction } from './mode-handle.js';
import { currentMatchMark, focusedTranscriptPane, openSearchInput, positionAfterRow, searchStep } from './search.js';
import { thinkingAt } from './thinking-details.js';
import { toolCallAt } from './tool-details.js';

/** Enters copy mode on the focused pane: at the bottom row of the view, or at the first row of `entry`. */
export function enterCopyMode(app: CockpitApp, options: { readonly entry?: EntryId } = {}): Result<string> {
  const found = focusedTranscriptPane(app);
  if (typeof found === 'string') return err(found);
  const { pane, transcript } = found;
  const { width, start, height, total } = pane.viewport();
  let cursor = Math.max(0, Math.min(total - 1, start + height - 1));
  if (options.entry !== undefined) cursor = rowOfEntry(transcript, width, options.entry) ?? cursor;
  const mode = app.view.open((host) => new CopyMode(host, app, pane, transcript, cursor, () => leave()));
  const leave = app.modes.enter('copy', { kind: 'copy', move: (move) => mode.moveBy(move), act: (action) => mode.act(action) });
  return ok(`copy mode in ${found.agent}`);
}

/** `y` in the timeline: copy mode on `agent`'s pane at the entry `address` names (the bottom when it names none). */
export function enterCopyModeAt(app: CockpitApp, agent: string, address: TurnAddress): void {
  const found = app.controller.find(agent);
  const view = found?.kind === 'sdk' ? found.session.view() : undefined;
  const item = view === undefined ? undefined : locate(view, address);
  const entered = enterCopyMode(app, item?.ok === true ? { entry: item.value.entry.id } : {});
  app.show(entered);
}

/** The first row showing `entry` at this width. */
function rowOfEntry(transcript: Transcript, width: number, entry: EntryId): number | undefined {
  for (let block = 0; block < transcript.blockCount; block++) {
    if (transcript.blockEntry(block)?.id !== entry) continue;
    const row = transcript.rowOfOffset(width, block, 0);
    // A turn's first entry starts with a blank separator row: put the cursor on its text.
    return transcript.blockAt(block)?.text.startsWith('\n') === true ? row + 1 : row;
  }
  return undefined;
}

/** Copy mode while it is open; see the file comment. */
export class CopyMode implements Overlay {
  /** Drawn on the pane itself: the wheel still scrolls the panes. */
  readonly leavesPanesInSight = true;
  private selectionFrom: number | undefined;
  private search: { readonly query: string; readonly pattern: RegExp; at: TextPosition } | undefined;

  constructor(
    private readonly host: OverlayHost,
    private readonly app: CockpitApp,
    private readonly pane: PaneView,
    private readonly transcript: Transcript,
    private cursor: number,
    private readonly leaveMode: () => void,
  ) {
    this.pane.showRow(cursor);
    this.draw();
  }

  /** Every key of copy mode is a row of the key table (src/core/overlay-keys.ts); others do nothing. */
  handleKey(): void {
    return;
  }

  /** `copy-mode-move MOVE`: the cursor by rows, a page of the pane, or to an end. */
  moveBy(move: Move): void {
    const { height, total } = this.pane.viewport();
    this.cursor = movedIndex(move, this.cursor, total, Math.max(1, height - 1));
    this.pane.showRow(this.cursor);
    this.draw();
  }

  /** `copy-mode-do ACTION`. */
  act(action: CopyAction): void {
    switch (action) {
      case 'select':
        this.selectionFrom = this.selectionFrom === undefined ? this.cursor : undefined;
        this.draw();
        return;
      case 'copy':
        return this.copy();
      case 'enter':
        if (this.selectionFrom !== undefined || !(this.openToolDetails() || this.openThinking())) this.copy();
        return;
      case 'search':
        return this.startSearch();
      case 'older':
      case 'newer':
        return this.searchAgain(action);
      case 'leave':
        return this.leave();
    }
  }

  draw(): void {
    const selection = this.selectionFrom === undefined ? undefined : { from: this.selectionFrom, to: this.cursor };
    const current = this.search === undefined ? undefined : currentMatchMark(this.transcript, this.pane.viewport().width, this.search.at);
    this.pane.setMarks({
      label: '[copy]',
      cursor: this.cursor,
      ...(selection === undefined ? {} : { selection }),
      ...(this.search === undefined ? {} : { highlight: this.search.pattern }),
      ...(current === undefined ? {} : { current }),
    });
    this.host.requestRender();
  }

  destroy(): void {
    this.pane.setMarks(undefined);
  }

  private copy(): void {
    const { width } = this.pane.viewport();
    const text = copyText(this.transcript, width, this.selectionFrom ?? this.cursor, this.cursor);
    const result = copyToClipboard(this.app.view, this.app.clipboardDir, text, process.env);
    this.leave();
    this.app.show(result);
  }

  /** Opens the tool call on the cursor row in full; false when the row shows none. */
  private openToolDetails(): boolean {
    const { width } = this.pane.viewport();
    const call = toolCallAt(this.transcript, width, this.cursor);
    if (call === undefined) return false;
    openPager(this.app, `tool call ${call.name} (${call.id})${call.isError ? ' — error' : ''}`, [
      { heading: 'input', text: call.input ?? '(the call is not on this branch)' },
      { heading: call.isError ? 'output (error)' : 'output', text: call.output ?? '(no result yet)' },
    ]);
    return true;
  }

  /** Opens the thinking on the cursor row in full (B14); false when the row shows none. */
  private openThinking(): boolean {
    const thinking = thinkingAt(this.transcript, this.pane.viewport().width, this.cursor);
    if (thinking === undefined) return false;
    openPager(this.app, 'thinking, in full', [{ heading: 'thinking', text: thinking }]);
    return true;
  }

  private startSearch(): void {
    openSearchInput(
      this.app,
      (query, pattern) => {
        const { width } = this.pane.viewport();
        this.search = { query, pattern, at: positionAfterRow(this.transcript, width, this.cursor) };
        this.searchAgain('older');
      },
      () => this.draw(),
    );
  }

  private searchAgain(direction: SearchDirection): void {
    const search = this.search;
    if (search === undefined) return;
    const { width } = this.pane.viewport();
    const match = searchStep(this.app, this.transcript, width, search, search.at, direction);
    if (match !== undefined) {
      search.at = match;
      this.cursor = match.row;
      this.pane.showRow(this.cursor);
    }
    this.draw();
  }

  private leave(): void {
    this.host.close(this);
    // The search's "n older · N newer" message ends with copy mode.
    if (this.search !== undefined) this.app.message = undefined;
    this.leaveMode();
  }
}
