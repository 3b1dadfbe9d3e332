// Every key is a command (issue 10, DESIGN.md §2): for each row of `list-keys` that binds a key to
// a command line, pressing the key in a fresh cockpit and typing the same line at the `:` prompt
// in another fresh cockpit leave both in the same state — same screen, same mode stack, same
// agents and states, focus, zoom, tiling, attachment. Real controller, real scripted model, real
// blessed view on a headless terminal; the app's CockpitApp in between.
import { afterEach, describe, expect, it } from 'vitest';
import { MODES, listKeys, parseModeName, type CommandRow, type ModeName } from '../../src/core/key-table.js';
import { OTHER_KEYS } from '../../src/core/overlay-keys.js';
import { isPauseHeld } from '../../src/core/turn-phase.js';
import { until } from '../integration/harness.js';
import { closeCockpits, cockpitFor, press, settle, type Cockpit } from './cockpit-kit.js';
import { OVERLAY_SETUPS, quiet } from './overlay-setups.js';

/** The bytes an xterm sends for each key name the table uses. */
const BYTES: Readonly<Record<string, string>> = {
  tab: '\t',
  'S-tab': '\x1b[Z',
  'C-left': '\x1b[1;5D',
  'C-right': '\x1b[1;5C',
  'C-up': '\x1b[1;5A',
  'C-down': '\x1b[1;5B',
  enter: '\r',
  escape: '\x1b',
  space: ' ',
  pageup: '\x1b[5~',
  pagedown: '\x1b[6~',
  'C-q': '\x11',
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  right: '\x1b[C',
  'S-g': 'G',
  'S-x': 'X',
  home: '\x1b[1~',
  end: '\x1b[4~',
};

function bytesOf(row: CommandRow): string {
  const name = row.keys[0];
  if (name === undefined) throw new Error(`row ${row.key} has no key`);
  return BYTES[name] ?? name;
}

/** Each row's cells drawn inverse or on a background colour, as `x:bg` words (a cursor row, a selection, a match). */
function markedCells(cockpit: Cockpit): string[] {
  const buffer = cockpit.t.tty.term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < cockpit.t.tty.term.rows; y++) {
    const line = buffer.getLine(y);
    const marks: string[] = [];
    for (let x = 0; line !== undefined && x < cockpit.t.tty.term.cols; x++) {
      const cell = line.getCell(x);
      if (cell !== undefined && (cell.isInverse() !== 0 || !cell.isBgDefault())) marks.push(`${x}:${cell.isInverse() !== 0 ? 'i' : cell.getBgColor()}`);
    }
    rows.push(marks.join(' '));
  }
  return rows;
}

/** Everything a key may change, as the person and the controller see it. */
function observe(cockpit: Cockpit): unknown {
  const { app, h, t } = cockpit;
  return {
    screen: t.tty.text().split('\n').map((line) => line.trimEnd()),
    // Where the screen is drawn inverse or on a colour (a selection, a cursor row, a match).
    marked: markedCells(cockpit),
    modes: app.modes.names(),
    overlayOpen: t.view.overlayOpen,
    focused: h.controller.panes.focused(),
    agents: h.controller.allAgents().map((agent) => ({ name: agent.name, state: agent.state, pauseHeld: agent.kind === 'sdk' && isPauseHeld(agent.phase) })),
    zoom: app.zoom,
    tiling: app.tiling,
    attached: app.attached?.name,
    quits: cockpit.quits(),
  };
}

afterEach(closeCockpits);

/** The modes reached without an overlay, where a line can be typed at `:` in place of the key. */
const PROMPT_MODES: ReadonlySet<ModeName> = new Set(['normal', 'approval', 'held', 'attached', 'runs']);
const rows = MODES.flatMap((mode) => (PROMPT_MODES.has(mode.name) ? mode.rows.flatMap((row) => (row.kind === 'command' ? [{ mode: mode.name, row }] : [])) : []));

describe('every key runs a command line', () => {
  it('list-keys prints one line per row of every mode, MODE KEY COMMAND-LINE  NOTE', () => {
    const lines = listKeys();
    expect(lines).toHaveLength(MODES.reduce((sum, mode) => sum + mode.rows.length, 0));
    expect(lines.find((line) => line.startsWith('normal ') && line.includes(' zoom '))).toMatch(/^normal +z +zoom +zoom the focused pane/);
    expect(listKeys('copy').every((line) => line.startsWith('copy '))).toBe(true);
  });

  it('lists the composer\'s own keys, C-g among them, in both its modes (a box key types, so its test is composer-keys.test.ts), and no C-g anywhere else', () => {
    for (const mode of ['message', 'broadcast'] as const) {
      expect(listKeys(mode)).toContainEqual(expect.stringMatching(new RegExp(`^${mode} C-g +- +edit the draft in \\$VISUAL / \\$EDITOR`)));
    }
    // Unbound in normal mode: C-g is not g (B3), so the report's "C-g opened GRAFT" cannot return.
    expect(listKeys().filter((line) => / C-g /.test(line)).map((line) => line.split(' ')[0])).toEqual(['message', 'broadcast']);
  });

  it('covers normal mode, the approval mode, the hold mode, the attached mode and the run view', () => {
    expect(new Set(rows.map(({ mode }) => mode))).toEqual(new Set(['normal', 'approval', 'held', 'attached', 'runs']));
  });

  it.each(rows.map(({ mode, row }) => [mode, row.key, row.line, row] as const))(
    '%s %s: the key does what ":%s" does',
    { timeout: 30_000 },
    async (mode, _key, line, row) => {
      const byKey = await cockpitFor(mode);
      await press(byKey, bytesOf(row));

      const byLine = await cockpitFor(mode);
      if (mode === 'attached' || mode === 'runs') {
        // While attached every key goes to the program, and the run view takes every key: the
        // line runs as a script's would.
        byLine.app.run(line);
        await settle(byLine);
      } else {
        await press(byLine, ':');
        for (const ch of line) await press(byLine, ch);
        await press(byLine, '\r');
      }
      if (mode === 'approval') {
        // The approved call runs on: compare once both agents have settled.
        for (const cockpit of [byKey, byLine]) {
          const alpha = cockpit.h.agent('alpha');
          await until(() => alpha.phase.kind !== 'running' || alpha.state === 'awaiting-approval', 'alpha settled or still asking');
        }
        await settle(byKey);
        await settle(byLine);
      }
      const keyed = observe(byKey);
      const typed = observe(byLine);
      expect(typed).toEqual(keyed);
    },
  );
});

/** Modes whose keys type text: only they keep keys for their own handler (and `text` rows elsewhere). */
const TEXT_MODES: ReadonlySet<ModeName> = new Set(['attached', 'prompt', 'message', 'broadcast', 'edit', 'session-rename', 'search-input', 'graft-file']);

/** A key no row of any overlay binds, to stand for "other keys", and one normal mode acts on. */
const UNBOUND = 'x';
const ACTS_BELOW = 'z';

/**
 * Keys that change nothing visible from their mode's setup (overlay-setups.ts): moves in the
 * one-file conflicts list or at a list's end, the graft preview when it fits, n/N in copy mode
 * with no search yet, a selection of the cursor row (drawn as the cursor already is). Their lines
 * are still checked to be accepted with the overlay open and to leave the same state as the key.
 */
const STILL_FROM_SETUP: ReadonlySet<string> = new Set([
  'file-conflicts ↑', 'file-conflicts ↓', 'file-conflicts PgUp', 'file-conflicts PgDn', 'file-conflicts Home', 'file-conflicts End',
  'sessions ↓ j', 'graft ↑ k', 'graft ↓ j', 'graft PgUp', 'graft PgDn', 'graft Home', 'graft End', 'graft [', 'graft ]',
  'copy v Space', 'copy n', 'copy N', 'pager PgUp', 'timeline PgDn Space',
  // The setup's store holds no workflow run: there is no run row to unfold or fold.
  'sessions Space', 'sessions → l', 'sessions ← h',
]);

const overlayRows = MODES.flatMap((mode) =>
  OVERLAY_SETUPS[mode.name] === undefined ? [] : mode.rows.flatMap((row) => (row.kind === 'command' ? [{ mode: mode.name, row }] : [])),
);

describe('every overlay key runs a command line', () => {
  it('every row of every mode is a command line, but for keys that type text', () => {
    const handlerRows = MODES.flatMap((mode) => mode.rows.filter((row) => row.kind === 'handler' && !TEXT_MODES.has(mode.name) && row.key !== 'text').map((row) => `${mode.name} ${row.key}`));
    expect(handlerRows).toEqual([]);
    const dashed = listKeys().filter((line) => / - {2,}/.test(line) && !TEXT_MODES.has(parseModeName(line.split(' ')[0] ?? '') ?? 'normal'));
    expect(dashed.filter((line) => !line.startsWith('graft '))).toEqual([]);
    for (const mode of MODES) if (!TEXT_MODES.has(mode.name) && mode.name !== 'normal' && mode.name !== 'approval' && !PROMPT_MODES.has(mode.name)) expect(OVERLAY_SETUPS[mode.name], `a setup for ${mode.name}`).toBeDefined();
  });

  it.each(overlayRows.map(({ mode, row }) => [mode, row.key, row.line, row] as const))(
    '%s %s: the key does what dispatching "%s" with that mode on top does',
    { timeout: 60_000 },
    async (mode, _key, line, row) => {
      const setup = OVERLAY_SETUPS[mode];
      if (setup === undefined) throw new Error(`no setup for ${mode}`);
      const other = row.keys.includes(OTHER_KEYS);
      const byKey = await setup();
      expect(byKey.app.modes.top()).toBe(mode);
      const before = observe(byKey);
      await press(byKey, other ? (row.passesDown === true ? ACTS_BELOW : UNBOUND) : bytesOf(row));

      const byLine = await setup();
      const result = byLine.app.dispatch(line);
      // The line itself is a valid command with its overlay open (not a usage error, not "not open");
      // the action may refuse from this setup (trash an open session): its result says so, as the key's line does.
      const invalid = result.kind === 'error' && (result.code !== 'failed' || /(is not open|no (question|search) is open)$/.test(result.message));
      expect(invalid && result.kind === 'error' ? result.message : 'ran').toBe('ran');
      byLine.app.apply(result, line);
      await settle(byLine);
      // A row that passes its key down: the key then acts in the mode below.
      if (row.passesDown === true) await press(byLine, ACTS_BELOW);
      for (const cockpit of [byKey, byLine]) await quiet(cockpit);
      const keyed = observe(byKey);
      expect(observe(byLine)).toEqual(keyed);
      // And the key did something a person can see (a test of two no-ops would prove nothing),
      // but for keys that, from this setup, have nowhere to go or nothing to act on.
      if (!STILL_FROM_SETUP.has(`${mode} ${row.key}`)) expect(keyed).not.toEqual(before);
    },
  );
});
