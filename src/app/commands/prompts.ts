// The line inputs as commands: `command-prompt [TEXT]` (`:`, `n`, and the approval's `n`) and
// `compose [-t AGENT] [--broadcast]` (`Enter`, `b`), which open an input and, on Enter, run
// the command line or send the message through the same dispatch.
import * as z from 'zod';
import { flag, targetOption } from '../../core/command-arguments.js';
import { failure } from '../../core/command.js';
import { completeCommandName } from '../../core/dispatch.js';
import type { CockpitApp } from '../cockpit-app.js';
import { openComposer } from '../composer-flow.js';
import { attachPty } from '../pty-attach.js';
import { defineAppCommand, done } from './app-command.js';

/** Opens the `:` prompt, prefilled with `prefill`. */
export function openCommandPrompt(app: CockpitApp, prefill: string): void {
  const leave = app.modes.enter('prompt');
  const names = app.commands.map((command) => command.name);
  app.view.openPrompt({
    prefill,
    history: app.history,
    complete: (text) => {
      if (/\s/.test(text)) return text;
      const { matches, completed } = completeCommandName(text, names);
      return matches.length === 1 ? `${completed} ` : completed;
    },
    onSubmit: (line) => {
      leave();
      if (line.trim() === '') return;
      if (app.history[app.history.length - 1] !== line) app.history.push(line);
      app.run(line);
    },
    onClose: leave,
  });
}

/** `command-prompt [TEXT]`: the `:` prompt, its line starting with TEXT (and a space) when given. */
export const commandPrompt = defineAppCommand({
  name: 'command-prompt',
  usage: 'command-prompt [TEXT]',
  summary: 'open the : prompt, starting with TEXT',
  spec: { options: [], positionals: [], text: 'optional' },
  schema: z.object({ text: z.string().optional() }),
  run(app, { text }) {
    const prefill = text === undefined ? '' : `${text.trim()} `;
    openCommandPrompt(app, prefill);
    return done(`:${prefill}`);
  },
});

/** `compose [-t AGENT] [--broadcast]`: `Enter` and `b`. On a PTY pane, `compose` attaches the keyboard. */
export const compose = defineAppCommand({
  name: 'compose',
  usage: 'compose [-t AGENT] [--broadcast]',
  summary: 'open the message input for an agent (a PTY pane: attach to it), or with --broadcast the broadcast input',
  spec: { options: [targetOption, { kind: 'flag', flag: '--broadcast', key: 'broadcast' }], positionals: [], text: 'none' },
  schema: z.object({ options: z.object({ target: z.string().optional(), broadcast: flag }) }),
  run(app, { options }) {
    if (options.broadcast) {
      if (options.target !== undefined) return failure('compose', '--broadcast goes to every agent: leave out -t');
      openComposer(app, { kind: 'broadcast' });
      return done('writing a broadcast');
    }
    const reference = options.target ?? app.controller.panes.focused();
    if (reference === undefined) return failure('compose', 'there is no agent');
    const agent = app.controller.resolveAgent(reference);
    if (!agent.ok) return failure('compose', agent.error);
    if (app.controller.find(agent.value)?.kind === 'pty') {
      app.controller.panes.focus(agent.value);
      const attached = attachPty(app, agent.value);
      return attached.ok ? done(attached.value) : failure('compose', attached.error);
    }
    openComposer(app, { kind: 'agent', name: agent.value });
    return done(`writing to ${agent.value}`);
  },
});
