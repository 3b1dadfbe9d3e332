// Core's command table (tmux's cmd_table), in the order help lists them. Commands that act on
// the screen (panes, tiling, overlays, quit) are the app's, in src/app/commands/.
// A new command is one more file in this folder and one more row here.
import type { Command } from '../command.js';
import { accept } from './accept.js';
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
import { rename } from './rename.js';
import { resume } from './resume.js';
import { restart } from './restart.js';
import { retry } from './retry.js';
import { rewind } from './rewind.js';
import { run } from './run.js';
import { runStop } from './run-stop.js';
import { runContinue } from './run-continue.js';
import { runHold } from './run-hold.js';
import { holdAccept } from './hold-accept.js';
import { holdValue } from './hold-value.js';
import { holdSend } from './hold-send.js';
import { queuedPrompt } from './queued-prompt.js';
import { send } from './send.js';
import { skip } from './skip.js';
import { switchBranch } from './switch.js';
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
  budget,
  run,
  runStop,
  skip,
  accept,
  runContinue,
  runHold,
  holdAccept,
  holdValue,
  holdSend,
  queuedPrompt,
];
