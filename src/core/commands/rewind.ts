// `rewind [-t AGENT] [--conversation-only|--files-only] [--overwrite|--keep-changed] TURN[.K]`:
// move the head back and restore the files this agent changed since (DESIGN.md §3, §4).
import * as z from 'zod';
import { moveOf } from '../command-values.js';
import { flag, targetOption, turnAddress } from '../command-arguments.js';
import { resolveTarget, targetError } from '../command-target.js';
import { defineCommand, usageError } from '../command.js';
import {
  conflictModeOf,
  conversationOnlyOption,
  filesOnlyOption,
  keepChangedOption,
  overwriteOption,
  rewindScopeOf,
} from '../file-restore-options.js';

const RewindArgs = z.object({
  options: z.object({
    target: z.string().optional(),
    conversationOnly: flag,
    filesOnly: flag,
    overwrite: flag,
    keepChanged: flag,
  }),
  positionals: z.object({ address: turnAddress }),
});

/** Keeps turns 1…N (or up to entry N.K) on the active branch and puts files back; `undo` brings the rest back. */
export const rewind = defineCommand({
  name: 'rewind',
  usage: 'rewind [-t AGENT] [--conversation-only|--files-only] [--overwrite|--keep-changed] TURN[.K]',
  summary: 'keep turns up to TURN (or entry TURN.K), take later ones off the branch and restore their files',
  spec: {
    options: [targetOption, conversationOnlyOption, filesOnlyOption, overwriteOption, keepChangedOption],
    positionals: [{ key: 'address', name: 'TURN[.K]', required: true }],
    text: 'none',
  },
  schema: RewindArgs,
  run(api, { options, positionals }) {
    const scope = rewindScopeOf(options);
    if (!scope.ok) return usageError('rewind', scope.error);
    const conflicts = conflictModeOf(options);
    if (!conflicts.ok) return usageError('rewind', conflicts.error);
    const agent = resolveTarget(api, 'rewind', options.target);
    if (!agent.ok) return targetError(agent.error);
    return moveOf(api, 'rewind', agent.value, () => api.history.rewind(agent.value, positionals.address, { scope: scope.value, conflicts: conflicts.value }));
  },
});
