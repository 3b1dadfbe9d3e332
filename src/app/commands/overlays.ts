// The app's overlays as commands: `copy-mode`, `search`, `timeline [--edit]`, `graft-picker`,
// `session-browser`, `help`. Each opens its overlay (a mode on the stack) on the focused pane.
import * as z from 'zod';
import { flag } from '../../core/command-arguments.js';
import { failure, fromResult } from '../../core/command.js';
import { enterCopyMode } from '../copy-mode.js';
import { openGraftPicker } from '../graft-picker.js';
import { openHelp } from '../help.js';
import { startSearch } from '../search.js';
import { openSessionBrowser } from '../session-browser.js';
import { openTimeline } from '../timeline-flow.js';
import { defineAppCommand, done, NO_ARGS } from './app-command.js';
import { refusedOnPty } from './pty-guard.js';

/** `copy-mode`: `[`, as in tmux. */
export const copyMode = defineAppCommand({
  name: 'copy-mode',
  usage: 'copy-mode',
  summary: 'copy mode on the focused transcript: move, select lines, copy',
  spec: NO_ARGS,
  schema: z.object({}),
  run: (app) => refusedOnPty(app, 'copy-mode', 'copy mode') ?? fromResult('copy-mode', enterCopyMode(app), () => null),
});

/** `search`: `/`, asks for a query on the bottom line. */
export const search = defineAppCommand({
  name: 'search',
  usage: 'search',
  summary: 'search the focused transcript (newest first): n older · N newer',
  spec: NO_ARGS,
  schema: z.object({}),
  run: (app) => refusedOnPty(app, 'search', 'search') ?? fromResult('search', startSearch(app), () => null),
});

/** `timeline [--edit]`: `r` (Enter rewinds) and `e` (Enter edits). */
export const timeline = defineAppCommand({
  name: 'timeline',
  usage: 'timeline [--edit]',
  summary: 'the focused agent\'s timeline: rewind, edit, fork, switch branch (--edit: Enter edits)',
  spec: { options: [{ kind: 'flag', flag: '--edit', key: 'edit' }], positionals: [], text: 'none' },
  schema: z.object({ options: z.object({ edit: flag }) }),
  run(app, { options }) {
    const refused = refusedOnPty(app, 'timeline', options.edit ? 'edit' : 'rewind');
    return refused ?? fromResult('timeline', openTimeline(app, options.edit ? 'e' : 'r'), () => null);
  },
});

/** `graft-picker`: `g`. */
export const graftPicker = defineAppCommand({
  name: 'graft-picker',
  usage: 'graft-picker',
  summary: 'pick a graft source and turns FROM..TO with a live preview',
  spec: NO_ARGS,
  schema: z.object({}),
  run: (app) => refusedOnPty(app, 'graft-picker', 'graft') ?? fromResult('graft-picker', openGraftPicker(app), () => null),
});

/** `session-browser`: `S`. */
export const sessionBrowser = defineAppCommand({
  name: 'session-browser',
  usage: 'session-browser',
  summary: 'the session browser: open, rename, delete (to trash), restore stored sessions',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    openSessionBrowser(app);
    return done('session browser');
  },
});

/** `help`: `?`, every mode's keys and every command's usage, in the pager. */
export const help = defineAppCommand({
  name: 'help',
  usage: 'help',
  summary: 'this help: every key of every mode, every command',
  spec: NO_ARGS,
  schema: z.object({}),
  run(app) {
    if (app.view.overlayOpen) return failure('help', 'close the open overlay first');
    openHelp(app);
    return done('help');
  },
});
