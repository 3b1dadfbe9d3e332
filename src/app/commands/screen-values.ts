// The typed values of the app's screen commands (command.ts: every command returns a value beside
// its status text): the key bindings `list-keys` prints, the tiling in force, whether a pane is
// zoomed, the pane focused. JSON-safe, for `agentmux ctl --json`.
import { MODES, modeTable, type ModeName } from '../../core/key-table.js';
import type { CockpitApp } from '../cockpit-app.js';

/** One binding as `list-keys` prints it: `line` is null for a key that types text or is handled by the overlay itself. */
export type BindingValue = { readonly mode: string; readonly key: string; readonly line: string | null; readonly note: string };

/** `list-keys [MODE]`: the bindings, in the printed order. */
export function bindingsValue(mode: ModeName | undefined): { readonly bindings: readonly BindingValue[] } {
  const tables = mode === undefined ? MODES : [modeTable(mode)];
  return {
    bindings: tables.flatMap((table) => table.rows.map((row) => ({ mode: table.name, key: row.key, line: row.kind === 'command' ? row.line : null, note: row.note }))),
  };
}

/** `tiling`, `next-tiling`, `zoom`: the arrangement now in force (`custom` for a layout's split tree) and the zoomed agent, if any. */
export type LayoutValue = { readonly tiling: string; readonly zoomed: string | null };

/** The arrangement in force after a layout command. */
export function layoutValue(app: CockpitApp): LayoutValue {
  return { tiling: typeof app.tiling === 'string' ? app.tiling : 'custom', zoomed: app.zoom ? (app.controller.panes.focused() ?? null) : null };
}

/** `select-pane`, `next-pane`, `previous-pane`, `scroll-pane`, `detach-pane`: the agent it acted on. */
export type PaneValue = { readonly agent: string | null };
