// Commands for what needs the person: `show-messages` (every status line in full, tmux's name)
// and `next-approval` (focus the next agent waiting for an approval, claude-squad's "attention").
import * as z from 'zod';
import { failure } from '../../core/command.js';
import type { CockpitApp } from '../cockpit-app.js';
import { defineAppCommand, done, NO_ARGS } from './app-command.js';

/** `show-messages`: the message log; more than one line opens the pager. */
export const showMessages = defineAppCommand({
  name: 'show-messages',
  usage: 'show-messages',
  summary: 'every status line shown so far, in full, with its time',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    const lines = app.messageLog.lines();
    return done(lines.length === 0 ? 'no messages yet' : lines.join('\n'), { messages: lines });
  },
});

/** The agents waiting for an approval, in pane order, starting after the focused one. */
export function waitingAfterFocus(app: CockpitApp): string[] {
  const names = app.controller.allAgents().map((agent) => agent.name);
  const focused = app.controller.panes.focused();
  const start = focused === undefined ? 0 : names.indexOf(focused) + 1;
  const ordered = [...names.slice(start), ...names.slice(0, start)];
  return ordered.filter((name) => app.controller.find(name)?.state === 'awaiting-approval');
}

/** `next-approval`: focuses the next agent awaiting an approval (`w`). */
export const nextApproval = defineAppCommand({
  name: 'next-approval',
  usage: 'next-approval',
  summary: 'focus the next agent waiting for an approval (then y / a / n answer it)',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    const [next, ...others] = waitingAfterFocus(app);
    if (next === undefined) return failure('next-approval', 'no agent is waiting for an approval');
    app.controller.panes.focus(next);
    const more = others.length === 0 ? '' : ` (${others.length} more waiting: w again)`;
    return done(`${next} waits for an approval: y once · a always · n refuse${more}`, { agent: next, waiting: others });
  },
});
