// Moving the focus between panes, and scrolling one: `select-pane -L|-R|-U|-D|-t AGENT`,
// `next-pane`, `previous-pane`, `scroll-pane up|down` (tmux's names where tmux has one).
import * as z from 'zod';
import { targetOption } from '../../core/command-arguments.js';
import { failure, type CommandOutcome } from '../../core/command.js';
import { neighbour } from '../../core/layout-solver.js';
import type { CockpitApp } from '../cockpit-app.js';
import { defineAppCommand, done, NO_ARGS } from './app-command.js';

const DIRECTIONS = [
  { flag: '-L', key: 'left' },
  { flag: '-R', key: 'right' },
  { flag: '-U', key: 'up' },
  { flag: '-D', key: 'down' },
] as const;

const SelectPaneArgs = z.object({
  options: z.object({
    target: z.string().optional(),
    left: z.literal(true).optional(),
    right: z.literal(true).optional(),
    up: z.literal(true).optional(),
    down: z.literal(true).optional(),
  }),
});

/** Focuses `name` and says so. */
function focusPane(app: CockpitApp, command: string, name: string): CommandOutcome {
  const focused = app.controller.panes.focus(name);
  if (!focused.ok) return failure(command, focused.error);
  // The result is shown with one update (CockpitApp.apply): a second one here doubled each Tab's work.
  app.scheduleUpdate();
  return done(`focused ${name}`, { agent: name });
}

/** `select-pane`: the pane in a direction from the focused one, or the pane `-t` names. */
export const selectPane = defineAppCommand({
  name: 'select-pane',
  usage: 'select-pane -L|-R|-U|-D|-t AGENT',
  summary: 'focus the pane to the left, right, above, below, or the named one',
  spec: {
    options: [targetOption, ...DIRECTIONS.map(({ flag, key }) => ({ kind: 'flag' as const, flag, key }))],
    positionals: [],
    text: 'none',
  },
  schema: SelectPaneArgs,
  run(app, { options }) {
    const directions = DIRECTIONS.filter(({ key }) => options[key] === true);
    const given = directions.length + (options.target === undefined ? 0 : 1);
    if (given !== 1) return failure('select-pane', 'give one of -L, -R, -U, -D or -t AGENT');
    if (options.target !== undefined) {
      const agent = app.controller.resolveAgent(options.target);
      return agent.ok ? focusPane(app, 'select-pane', agent.value) : failure('select-pane', agent.error);
    }
    const focused = app.controller.panes.focused();
    const direction = directions[0];
    if (focused === undefined || direction === undefined) return failure('select-pane', 'there is no agent');
    const next = neighbour(app.paneRects(), focused, direction.key);
    if (next === undefined) return done(`no pane ${direction.key === 'up' || direction.key === 'down' ? (direction.key === 'up' ? 'above' : 'below') : `to the ${direction.key}`} of ${focused}`);
    return focusPane(app, 'select-pane', next);
  },
});

/** Steps the focus through the tiled panes in order, wrapping around (a hidden finished workflow agent is reached by `select-pane -t`). */
function step(app: CockpitApp, command: string, delta: number): CommandOutcome {
  const shown = new Set(app.shownPanes());
  const names = app.controller.allAgents().flatMap((agent) => (shown.has(agent.name) ? [agent.name] : []));
  const focused = app.controller.panes.focused();
  if (focused === undefined || names.length === 0) return failure(command, 'there is no agent');
  const index = names.indexOf(focused);
  const next = names[(index + delta + names.length) % names.length];
  return next === undefined ? failure(command, 'there is no agent') : focusPane(app, command, next);
}

/** `next-pane`: Tab. */
export const nextPane = defineAppCommand({
  name: 'next-pane',
  usage: 'next-pane',
  summary: 'focus the next pane',
  spec: NO_ARGS,
  schema: z.object({}),
  run: (app) => step(app, 'next-pane', 1),
});

/** `previous-pane`: S-Tab. */
export const previousPane = defineAppCommand({
  name: 'previous-pane',
  usage: 'previous-pane',
  summary: 'focus the previous pane',
  spec: NO_ARGS,
  schema: z.object({}),
  run: (app) => step(app, 'previous-pane', -1),
});

const ScrollArgs = z.object({
  positionals: z.object({ direction: z.enum(['up', 'down'], { error: 'expected up or down' }) }),
});

/** `scroll-pane up|down`: PgUp / PgDn on the focused transcript (down to the bottom follows the stream again). */
export const scrollPane = defineAppCommand({
  name: 'scroll-pane',
  usage: 'scroll-pane up|down',
  summary: 'scroll the focused pane a page up or down',
  spec: { options: [], positionals: [{ key: 'direction', name: 'up|down', required: true }], text: 'none' },
  schema: ScrollArgs,
  run(app, { positionals }) {
    const focused = app.controller.panes.focused();
    const pane = focused === undefined ? undefined : app.view.pane(focused);
    if (focused === undefined || pane === undefined) return failure('scroll-pane', 'there is no pane');
    if (positionals.direction === 'up') pane.pageUp();
    else pane.pageDown();
    app.view.requestRender();
    return done(`scrolled ${focused} ${positionals.direction}`, { agent: focused, direction: positionals.direction });
  },
});
