// `sessions`: list the store's sessions (DESIGN.md §5).
import { z } from 'zod';
import { defineCommand, done } from '../command.js';
import { sessionRow, type SessionsValue } from '../command-values.js';

const SessionsArgs = z.object({});

/** Hands the catalog's rows to the view, which lists them. */
export const sessions = defineCommand({
  name: 'sessions',
  usage: 'sessions',
  summary: 'the session browser: open, rename, delete (to trash), restore stored sessions',
  spec: { options: [], positionals: [], text: 'none' },
  schema: SessionsArgs,
  run(api) {
    const stored = api.sessions();
    const count = stored.length === 1 ? '1 stored session' : `${stored.length} stored sessions`;
    const value: SessionsValue = { sessions: stored.map(sessionRow) };
    return done(`sessions: ${count}`, value);
  },
});
