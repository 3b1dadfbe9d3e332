// `tiling NAME`: arrange the panes by a preset (DESIGN.md §5); the screen does the arranging.
import { z } from 'zod';
import { defineCommand, fromResult } from '../command.js';
import { TILING_PRESETS, type TilingPreset } from '../layout-file.js';

const tilingName = z.string().transform((text, context): TilingPreset => {
  const preset = TILING_PRESETS.find((candidate) => candidate === text);
  if (preset !== undefined) return preset;
  context.issues.push({
    code: 'custom',
    message: `unknown tiling "${text}" (tilings: ${TILING_PRESETS.join(', ')})`,
    input: text,
  });
  return z.NEVER;
});

const TilingArgs = z.object({ positionals: z.object({ name: tilingName }) });

/** Switches the pane arrangement to a preset. */
export const tiling = defineCommand({
  name: 'tiling',
  usage: 'tiling NAME',
  summary: `arrange the panes: ${TILING_PRESETS.join(', ')}`,
  spec: { options: [], positionals: [{ key: 'name', name: 'NAME', required: true }], text: 'none' },
  schema: TilingArgs,
  run(api, { positionals }) {
    return fromResult('tiling', api.setTiling(positionals.name), () => ({ tiling: positionals.name }));
  },
});
