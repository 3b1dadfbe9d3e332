// `/` search in the focused transcript: a `/` input on the bottom line; Enter finds the nearest
// match at or above the bottom of the view (newest first, like less's `?`) and scrolls to it,
// highlighting matches on screen (the current one in inverse, its place as "match 3 of 9" in the status
// line). While the search is active `n` finds the next older match,
// `N` the next newer one, `/` a new query; Esc ends it; any other key ends it and acts as usual.
import {
  countMatches,
  describeMatchCount,
  findMatch,
  searchPattern,
  type SearchDirection,
  type SearchMatch,
  type TextPosition,
} from '../core/transcript-search.js';
import { err, ok, type Result } from '../core/result.js';
import type { Transcript } from '../core/transcript.js';
import type { Overlay, OverlayHost } from '../view/overlays/overlay.js';
import type { CurrentMatch } from '../view/pane-marks.js';
import { PaneView } from '../view/pane-view.js';
import type { CockpitApp } from './cockpit-app.js';
import type { SearchAction } from './mode-handle.js';

/** A query being searched for in one pane, and the match last shown. */
export type ActiveSearch = { readonly query: string; readonly pattern: RegExp; readonly at: TextPosition };

/** Counting matches for "match 3 of 9" stops here ("3 of 500+"), so a keypress never scans without bound. */
export const MATCH_COUNT_CAP = 500;

/** The current match as the pane marks it, at this width; undefined when `at` is a position, not a match. */
export function currentMatchMark(transcript: Transcript, width: number, at: TextPosition | SearchMatch): CurrentMatch | undefined {
  if (!('length' in at)) return undefined;
  const row = transcript.rowOfOffset(width, at.block, at.offset);
  const start = transcript.rowSource(width, row)?.start ?? 0;
  return { row, column: at.offset - start, length: at.length };
}

/** The focused agent's transcript pane, or an error to show (no agent, a PTY pane). */
export function focusedTranscriptPane(app: CockpitApp): { agent: string; pane: PaneView; transcript: Transcript } | string {
  const name = app.controller.panes.focused();
  const agent = name === undefined ? undefined : app.controller.find(name);
  if (agent === undefined) return 'no agent is focused';
  const pane = app.view.pane(agent.name);
  if (!(pane instanceof PaneView)) return `${agent.name} has no transcript to search or copy (a terminal pane)`;
  return { agent: agent.name, pane, transcript: app.transcripts.of(agent) };
}

/** Where a search from row `row` starts: just after that row's text, so the row itself is searched. */
export function positionAfterRow(transcript: Transcript, width: number, row: number): TextPosition {
  const source = transcript.rowSource(width, row);
  return source === undefined ? { block: transcript.blockCount, offset: 0 } : { block: source.block, offset: source.end };
}

/** Runs one search step and says in the status bar what happened; the match, if any. */
export function searchStep(
  app: CockpitApp,
  transcript: Transcript,
  width: number,
  search: { readonly query: string; readonly pattern: RegExp },
  from: TextPosition,
  direction: SearchDirection,
): SearchMatch | undefined {
  const match = findMatch(transcript, search.pattern, width, from, direction);
  if (match === undefined) {
    app.show({ ok: false, error: `no match for ${search.query}` });
    return undefined;
  }
  const wrapped = match.wrapped ? (direction === 'older' ? ' (wrapped to the bottom)' : ' (wrapped to the top)') : '';
  const count = describeMatchCount(countMatches(transcript, search.pattern, match, MATCH_COUNT_CAP));
  app.show({ ok: true, value: `/${search.query} · ${count}${wrapped} · n older · N newer · Esc ends` });
  return match;
}

/** Opens the `/` input; Enter runs `onQuery` with the query (empty or unmatched input is reported by the caller). */
export function openSearchInput(app: CockpitApp, onQuery: (query: string, pattern: RegExp) => void, onClose: () => void): void {
  const leave = app.modes.enter('search-input');
  app.view.openPrompt({
    prefix: '/',
    onSubmit: (query) => {
      leave();
      const pattern = searchPattern(query);
      if (pattern === undefined) {
        onClose();
        return;
      }
      onQuery(query, pattern);
    },
    onClose: () => {
      leave();
      onClose();
    },
  });
}

/** `/` in normal mode: asks for a query, then searches the focused pane. */
export function startSearch(app: CockpitApp): Result<string> {
  const found = focusedTranscriptPane(app);
  if (typeof found === 'string') return err(found);
  openSearchInput(
    app,
    (query, pattern) => {
      const { pane, transcript } = found;
      const { width, start, height } = pane.viewport();
      const from = positionAfterRow(transcript, width, start + height - 1);
      const match = searchStep(app, transcript, width, { query, pattern }, from, 'older');
      if (match === undefined) return;
      pane.showRow(match.row);
      const mode = app.view.open((host) => new SearchMode(host, app, found.pane, found.transcript, { query, pattern, at: match }, () => leave()));
      const leave = app.modes.enter('search', { kind: 'search', act: (action) => mode.act(action) });
    },
    () => undefined,
  );
  return ok(`search ${found.agent}: type a query`);
}

/** The search while active in normal mode: n / N / `/` / Esc; see the file comment. */
export class SearchMode implements Overlay {
  /** Drawn on the pane itself: the wheel still scrolls the panes. */
  readonly leavesPanesInSight = true;
  constructor(
    private readonly host: OverlayHost,
    private readonly app: CockpitApp,
    private readonly pane: PaneView,
    private readonly transcript: Transcript,
    private search: ActiveSearch,
    private readonly leaveMode: () => void,
  ) {
    this.draw();
  }

  /** Every key of the search is a row of the key table (src/core/overlay-keys.ts), other keys included. */
  handleKey(): void {
    return;
  }

  /** `search-do ACTION`: the next older or newer match, a new query, or the end of the search. */
  act(action: SearchAction): void {
    switch (action) {
      case 'older':
      case 'newer':
        return this.step(action);
      case 'new':
        openSearchInput(
          this.app,
          (query, pattern) => {
            this.search = { query, pattern, at: this.search.at };
            this.step('older', true);
          },
          () => undefined,
        );
        return;
      case 'end':
        return this.end();
    }
  }

  draw(): void {
    const current = currentMatchMark(this.transcript, this.pane.viewport().width, this.search.at);
    this.pane.setMarks({ highlight: this.search.pattern, ...(current === undefined ? {} : { current }) });
    this.host.requestRender();
  }

  destroy(): void {
    this.pane.setMarks(undefined);
  }

  private step(direction: SearchDirection, fresh = false): void {
    const { width, start, height } = this.pane.viewport();
    const from = fresh ? positionAfterRow(this.transcript, width, start + height - 1) : this.search.at;
    const match = searchStep(this.app, this.transcript, width, this.search, from, direction);
    if (match !== undefined) {
      this.search = { ...this.search, at: match };
      this.pane.showRow(match.row);
    }
    this.draw();
  }

  private end(): void {
    this.host.close(this);
    this.app.message = undefined;
    this.leaveMode();
  }
}
