// `quit`: leave agentmux (DESIGN.md §5); the screen decides whether to ask first.
import { z } from 'zod';
import { defineCommand, fromResult } from '../command.js';

const QuitArgs = z.object({});

/** Asks the attached screen to quit (it confirms while some agent is working). */
export const quit = defineCommand({
  name: 'quit',
  usage: 'quit',
  summary: 'quit agentmux (asks to confirm while an agent is working)',
  spec: { options: [], positionals: [], text: 'none' },
  schema: QuitArgs,
  run(api) {
    return fromResult('quit', api.quit(), () => null);
  },
});
