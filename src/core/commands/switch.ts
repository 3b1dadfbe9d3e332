// `switch [-t AGENT] [--conversation-only|--files-only] [--overwrite|--keep-changed] BRANCH`: move
// the head to another branch of the session tree (issue 5) and the files with it, as rewind does.
import * as z from 'zod';
import { moveOf } from '../command-values.js';
import { flag, targetOption } from '../command-arguments.js';
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

const SwitchArgs = z.object({
  options: z.object({
    target: z.string().optional(),
    conversationOnly: flag,
    filesOnly: flag,
    overwrite: flag,
    keepChanged: flag,
  }),
  positionals: z.object({ branch: z.string().min(1) }),
});

/** Makes a side branch (its number in the timeline, or its tip's id) the active one, files included; `undo` comes back. */
export const switchBranch = defineCommand({
  name: 'switch',
  usage: 'switch [-t AGENT] [--conversation-only|--files-only] [--overwrite|--keep-changed] BRANCH',
  summary: "make another branch active (its number in the timeline, or its tip id) and restore that branch's files",
  spec: {
    options: [targetOption, conversationOnlyOption, filesOnlyOption, overwriteOption, keepChangedOption],
    positionals: [{ key: 'branch', name: 'BRANCH', required: true }],
    text: 'none',
  },
  schema: SwitchArgs,
  run(api, { options, positionals }) {
    const scope = rewindScopeOf(options);
    if (!scope.ok) return usageError('switch', scope.error);
    const conflicts = conflictModeOf(options);
    if (!conflicts.ok) return usageError('switch', conflicts.error);
    const agent = resolveTarget(api, 'switch', options.target);
    if (!agent.ok) return targetError(agent.error);
    return moveOf(api, 'switch', agent.value, () => api.history.switchBranch(agent.value, positionals.branch, { scope: scope.value, conflicts: conflicts.value }));
  },
});
