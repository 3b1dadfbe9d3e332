// Every key is a command (issue 10, DESIGN.md §2): for each row of `list-keys` that binds a key to
// a command line, pressing the key in a fresh cockpit and typing the same line at the `:` prompt
// in another fresh cockpit leave both in the same state — same screen, same mode stack, same
// agents and states, focus, zoom, tiling, attachment. Real controller, real scripted model, real
// blessed view on a headless terminal; the app's CockpitApp in between.
import { afterEach, describe, expect, it } from 'vitest';
import { MODES, listKeys, type CommandRow } from '../../src/core/key-table.js';
import { until } from '../integration/harness.js';
import { closeCockpits, cockpitFor, press, settle, type Cockpit } from './cockpit-kit.js';

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
  'S-g': 'G',
  'S-x': 'X',
};

function bytesOf(row: CommandRow): string {
  const name = row.keys[0];
  if (name === undefined) throw new Error(`row ${row.key} has no key`);
  return BYTES[name] ?? name;
}

/** Everything a key may change, as the person and the controller see it. */
function observe(cockpit: Cockpit): unknown {
  const { app, h, t } = cockpit;
  return {
    screen: t.tty.text().split('\n').map((line) => line.trimEnd()),
    modes: app.modes.names(),
    overlayOpen: t.view.overlayOpen,
    focused: h.controller.focused(),
    agents: h.controller.allAgents().map((agent) => ({ name: agent.name, state: agent.state, pauseRequested: agent.pauseRequested })),
    zoom: app.zoom,
    tiling: app.tiling,
    attached: app.attached?.name,
    quits: cockpit.quits(),
  };
}

afterEach(closeCockpits);

const rows = MODES.flatMap((mode) => mode.rows.flatMap((row) => (row.kind === 'command' ? [{ mode: mode.name, row }] : [])));

describe('every key runs a command line', () => {
  it('list-keys prints one line per row of every mode, MODE KEY COMMAND-LINE  NOTE', () => {
    const lines = listKeys();
    expect(lines).toHaveLength(MODES.reduce((sum, mode) => sum + mode.rows.length, 0));
    expect(lines.find((line) => line.startsWith('normal ') && line.includes(' zoom '))).toMatch(/^normal +z +zoom +zoom the focused pane/);
    expect(listKeys('copy').every((line) => line.startsWith('copy '))).toBe(true);
  });

  it('covers normal mode, the approval mode, the attached mode and the run view', () => {
    expect(new Set(rows.map(({ mode }) => mode))).toEqual(new Set(['normal', 'approval', 'attached', 'runs']));
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
          await until(() => alpha.running === undefined || alpha.state === 'awaiting-approval', 'alpha settled or still asking');
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
