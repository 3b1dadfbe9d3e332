// The command table (tmux's cmd_table): every command, in the order help lists them.
// A new command is one more file in this folder and one more row here.
import type { Command } from '../command.js';
import { approve } from './approve.js';
import { broadcast } from './broadcast.js';
import { budget } from './budget.js';
import { close } from './close.js';
import { edit } from './edit.js';
import { focus } from './focus.js';
import { fork } from './fork.js';
import { graft } from './graft.js';
import { interrupt } from './interrupt.js';
import { newCommand } from './new.js';
import { nudge } from './nudge.js';
import { pause } from './pause.js';
import { quit } from './quit.js';
import { rename } from './rename.js';
import { resume } from './resume.js';
import { restart } from './restart.js';
import { retry } from './retry.js';
import { rewind } from './rewind.js';
import { run } from './run.js';
import { runStop } from './run-stop.js';
import { send } from './send.js';
import { sessions } from './sessions.js';
import { switchBranch } from './switch.js';
import { tiling } from './tiling.js';
import { undo } from './undo.js';

/** Every command `dispatch` knows, by name. */
export const COMMANDS: readonly Command[] = [
  send,
  broadcast,
  nudge,
  interrupt,
  approve,
  pause,
  resume,
  retry,
  restart,
  rewind,
  undo,
  switchBranch,
  edit,
  graft,
  fork,
  newCommand,
  close,
  rename,
  focus,
  tiling,
  budget,
  sessions,
  run,
  runStop,
  quit,
];
