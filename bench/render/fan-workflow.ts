// The workflow the benches run: one `parallel` fanning out N agents labelled item-1…item-N, and
// how a bench reads which of them the cockpit focuses (the Tab key-latency probe).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_ROW } from './cockpit-world.js';
import type { PtyCockpit } from './pty-cockpit.js';

/** Writes DIR/fan-N.js, a script that starts `agents` agents at once and returns how many answered. */
export function writeFanScript(dir: string, agents: number): string {
  const path = join(dir, `fan-${agents}.js`);
  writeFileSync(
    path,
    [
      `export const meta = { name: 'fan-${agents}', description: 'the bench: ${agents} agents' };`,
      `const answers = await parallel(Array.from({ length: ${agents} }, (_, n) => () => agent('explain item ' + (n + 1), { label: 'item-' + (n + 1) })));`,
      `return answers.filter((answer) => answer !== null).length;`,
      '',
    ].join('\n'),
  );
  return path;
}

/** The fan agent the status bar names as focused (`▶ item-N`), if any. */
export function focusedFanAgent(cockpit: PtyCockpit): string | undefined {
  return /▶ (item-\d+)/u.exec(cockpit.line(SUMMARY_ROW))?.[1];
}
