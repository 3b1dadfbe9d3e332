// `undo [-t AGENT] [--overwrite|--keep-changed]`: reverse the agent's last rewind, edit, graft
// or fork (DESIGN.md §3); a rewind's files go back as they were.
import * as z from 'zod';
import { flag, targetOption } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, usageError } from '../command.js';
import { conflictModeOf, keepChangedOption, overwriteOption } from '../file-restore-options.js';
import { moveOf } from '../command-values.js';

const UndoArgs = z.object({ options: z.object({ target: z.string().optional(), overwrite: flag, keepChanged: flag }) });

/** Pops the agent's undo stack: nothing is deleted, the head just moves back (and a rewind's files with it). */
export const undo = defineCommand({
  name: 'undo',
  usage: 'undo [-t AGENT] [--overwrite|--keep-changed]',
  summary: 'reverse the last rewind (files included), edit, graft or fork',
  spec: { options: [targetOption, overwriteOption, keepChangedOption], positionals: [], text: 'none' },
  schema: UndoArgs,
  run(api, { options }) {
    const conflicts = conflictModeOf(options);
    if (!conflicts.ok) return usageError('undo', conflicts.error);
    const agent = resolveTarget(api, 'undo', options.target);
    if (!agent.ok) return targetError(agent.error);
    return moveOf(api, 'undo', agent.value, () => api.history.undo(agent.value, { conflicts: conflicts.value }));
  },
});
