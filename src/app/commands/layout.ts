// The arrangement of the panes: `zoom`, `next-tiling`, `tiling NAME` (DESIGN.md §5). The app
// owns the tiling; core only knows the presets and how to solve them.
import * as z from 'zod';
import { TILING_PRESETS, type TilingPreset } from '../../core/layout-file.js';
import { nextTiling } from '../../core/layout-solver.js';
import type { CockpitApp } from '../cockpit-app.js';
import { defineAppCommand, done, NO_ARGS } from './app-command.js';
import { layoutValue } from './screen-values.js';

/** The tiling's name as the status bar says it. */
function tilingName(app: CockpitApp): string {
  return typeof app.tiling === 'string' ? app.tiling : 'custom';
}

/** `zoom`: the focused pane fills the pane area; again to unzoom. */
export const zoom = defineAppCommand({
  name: 'zoom',
  usage: 'zoom',
  summary: 'zoom the focused pane / unzoom',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    app.zoom = !app.zoom;
    app.update();
    return done(app.zoom ? `zoomed ${app.controller.panes.focused() ?? ''}`.trim() : `tiling ${tilingName(app)} again`, layoutValue(app));
  },
});

/** `next-tiling`: Space; cycles the presets. */
export const nextTilingCommand = defineAppCommand({
  name: 'next-tiling',
  usage: 'next-tiling',
  summary: `the next tiling (${TILING_PRESETS.join(', ')})`,
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    app.setTiling(nextTiling(app.tiling));
    app.update();
    return done(`tiling ${tilingName(app)}`, layoutValue(app));
  },
});

const presetName = z.string().transform((text, context): TilingPreset => {
  const preset = TILING_PRESETS.find((candidate) => candidate === text);
  if (preset !== undefined) return preset;
  context.issues.push({ code: 'custom', message: `unknown tiling "${text}" (tilings: ${TILING_PRESETS.join(', ')})`, input: text });
  return z.NEVER;
});

/** `tiling NAME`: arrange the panes by a preset. */
export const tiling = defineAppCommand({
  name: 'tiling',
  usage: 'tiling NAME',
  summary: `arrange the panes: ${TILING_PRESETS.join(', ')}`,
  spec: { options: [], positionals: [{ key: 'name', name: 'NAME', required: true }], text: 'none' },
  schema: z.object({ positionals: z.object({ name: presetName }) }),
  run(app, { positionals }) {
    app.setTiling(positionals.name);
    app.update();
    return done(`tiling ${positionals.name}`, layoutValue(app));
  },
});
